package io.loadbench.scenarios.custom;

import io.loadbench.results.workload.WorkloadDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The scripts of a SQL-script workload with their weights ({@code pgbench -f a.sql@2 -f b.sql@1}), and its setup
 * script: read, parsed and checked before any load. Immutable.
 *
 * <p>A script entry is {@code FILE[@weight]}: a path (relative to the working directory), or
 * {@code example:NAME} for a script shipped with loadbench (under {@code scripts/} on the classpath). The weight is
 * a whole number from 0 to 2<sup>31</sup> - 1, 1 when omitted, read after the last {@code @} as pgbench reads it;
 * the weights must not all be 0. Entries are separated by newlines or commas.
 *
 * @param scripts in the order given
 * @param setup   run once before the load, outside the measurement; empty for none
 */
public record ScriptSet(List<Weighted> scripts, Optional<Script> setup) {

    /** The prefix of a script shipped with loadbench. */
    public static final String EXAMPLE_PREFIX = "example:";

    /** The examples shipped with loadbench, by name. */
    static final List<String> EXAMPLES = List.of("pgbench-accounts-setup.sql", "pgbench-select.sql", "pgbench-update.sql");

    /** The kind {@link WorkloadDefinition} records. */
    public static final String KIND = "sql-script";

    /** A script and its share of the transactions. */
    public record Weighted(Script script, long weight) {
    }

    public ScriptSet {
        scripts = List.copyOf(scripts);
    }

    /**
     * Reads and parses every script of {@code entries}; no setup yet ({@link #withSetup}).
     *
     * @param predefined the variables every transaction starts with
     * @throws ScriptException naming the file (and line) of the first problem
     * @throws IllegalArgumentException when there is no script, or every weight is 0
     */
    public static ScriptSet read(String entries, Set<String> predefined) {
        List<Weighted> scripts = new ArrayList<>();
        Set<String> names = new HashSet<>();
        long total = 0;
        for (String entry : entries.split("[\\n,]")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int at = trimmed.lastIndexOf('@');
            String file = at < 0 ? trimmed : trimmed.substring(0, at).strip();
            long weight = at < 0 ? 1 : weight(file, trimmed.substring(at + 1).strip());
            String name = nameOf(file);
            if (!names.add(name)) {
                throw new ScriptException(file, "another script is also named " + name + ": its requests would be recorded"
                        + " under the same names (rename one, or give the script once with the sum of the weights)");
            }
            scripts.add(new Weighted(ScriptParser.parse(name, file, readText(file), predefined, true), weight));
            total += weight;
        }
        if (scripts.isEmpty()) {
            throw new IllegalArgumentException("no script given: one or more FILE[@weight], separated by newlines or commas");
        }
        if (total == 0) {
            throw new IllegalArgumentException("every script's weight is 0: at least one must be positive");
        }
        return new ScriptSet(scripts, Optional.empty());
    }

    /**
     * These scripts with the setup {@code entry} read and parsed: a file, an example, or {@code none}.
     *
     * @throws ScriptException naming the file (and line) of the problem
     */
    public ScriptSet withSetup(String entry, Set<String> predefined) {
        String file = entry.strip();
        if (file.isEmpty() || file.equals("none")) {
            return new ScriptSet(scripts, Optional.empty());
        }
        String name = nameOf(file);
        if (scripts.stream().anyMatch(weighted -> weighted.script().name().equals(name))) {
            throw new ScriptException(file, "the setup has the name of a script (" + name + "): rename one");
        }
        return new ScriptSet(scripts, Optional.of(ScriptParser.parse(name, file, readText(file), predefined, false)));
    }

    private static long weight(String file, String text) {
        try {
            long weight = Long.parseLong(text);
            if (weight < 0 || weight > Integer.MAX_VALUE) {
                throw new ScriptException(file, "weight " + text + " out of range (0 .. " + Integer.MAX_VALUE + ")");
            }
            return weight;
        } catch (NumberFormatException e) {
            throw new ScriptException(file, "invalid weight '" + text + "' (FILE@weight, a whole number)");
        }
    }

    /** The file's name without its directories: what request names start with. */
    static String nameOf(String file) {
        String path = file.startsWith(EXAMPLE_PREFIX) ? file.substring(EXAMPLE_PREFIX.length()) : file;
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    /** The text of a script file or shipped example, as UTF-8. */
    static String readText(String file) {
        if (file.startsWith(EXAMPLE_PREFIX)) {
            String example = file.substring(EXAMPLE_PREFIX.length());
            if (!EXAMPLES.contains(example)) {
                throw new ScriptException(file, "no such example (examples: " + String.join(", ", EXAMPLES) + ")");
            }
            try (InputStream in = ScriptSet.class.getClassLoader().getResourceAsStream("scripts/" + example)) {
                if (in == null) {
                    throw new ScriptException(file, "the example is missing from this build");
                }
                return decode(file, in.readAllBytes());
            } catch (IOException e) {
                throw new ScriptException(file, "cannot read the example: " + e.getMessage());
            }
        }
        try {
            return decode(file, Files.readAllBytes(Path.of(file)));
        } catch (NoSuchFileException e) {
            throw new ScriptException(file, "no such file (relative to " + Path.of("").toAbsolutePath() + ")");
        } catch (AccessDeniedException e) {
            throw new ScriptException(file, "cannot read the file: permission denied");
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new ScriptException(file, "cannot read the file: " + e.getMessage());
        }
    }

    private static String decode(String file, byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            // a byte-order mark some editors write first is no part of the first statement
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ScriptException(file, "not UTF-8 text");
        }
    }

    /** The sum of the weights (positive). */
    public long totalWeight() {
        return scripts.stream().mapToLong(Weighted::weight).sum();
    }

    /**
     * The script that {@code draw} picks, a number uniform in {@code [0, totalWeight())}: pgbench's
     * {@code chooseScript}, so each script gets its weight's share of the transactions.
     */
    public int choose(long draw) {
        long rest = draw;
        for (int i = 0; i < scripts.size(); i++) {
            rest -= scripts.get(i).weight();
            if (rest < 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("draw " + draw + " is not below the total weight " + totalWeight());
    }

    /** What the manifest records: every script with its weight and text, then the setup. */
    public WorkloadDefinition definition() {
        List<WorkloadDefinition.Source> sources = new ArrayList<>();
        for (Weighted weighted : scripts) {
            sources.add(new WorkloadDefinition.Source("script", weighted.script().name(), weighted.weight(), weighted.script().text()));
        }
        setup.ifPresent(script -> sources.add(new WorkloadDefinition.Source("setup", script.name(), 0, script.text())));
        return new WorkloadDefinition(KIND, sources);
    }
}
