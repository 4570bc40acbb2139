package io.loadbench.scenarios.custom;

import io.loadbench.results.workload.WorkloadDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command templates of a Redis-command workload with their ratio ({@code memtier_benchmark --command … 
 * --command-ratio}): each request picks one by weight. Request names are the command names ({@code GET}), a second
 * template of the same command {@code GET (2)}. Immutable.
 *
 * <p>{@code GET} counts as a cache lookup (a hit when the key exists), so the run reports its hit ratio, when every
 * other template is a command that reads no key ({@link #NO_KEY_READS}): Redis's own INFO keyspace hits and misses,
 * which the verdict checks the measured ratio against on a server the run owns, then count exactly those lookups.
 *
 * @param commands in the order given
 */
public record CommandSet(List<Weighted> commands) {

    /** The kind {@link WorkloadDefinition} records. */
    public static final String KIND = "redis-commands";

    /** Commands that Redis counts in no keyspace hit or miss (they look keys up for writing, or not at all). */
    static final Set<String> NO_KEY_READS = Set.of("SET", "SETEX", "PSETEX", "SETNX", "MSET", "DEL", "UNLINK", "INCR", "INCRBY",
            "DECR", "DECRBY", "APPEND", "LPUSH", "RPUSH", "SADD", "HSET", "ZADD", "EXPIRE", "PEXPIRE", "PING", "ECHO");

    /**
     * A template, its share of the requests, the name its requests are recorded under, and whether they count as
     * cache lookups.
     */
    public record Weighted(CommandTemplate template, long weight, String requestName, boolean cacheLookup) {
    }

    public CommandSet {
        commands = List.copyOf(commands);
    }

    /**
     * Parses the {@code command} option: templates separated by newlines or by {@code ;} outside double quotes (the
     * gatling-maven-plugin does not pass a newline through to its fork), equal shares ({@link #withRatio}).
     *
     * @throws IllegalArgumentException one line naming the template at fault; the caller names the option
     */
    public static CommandSet parse(String commandOption) {
        List<CommandTemplate> templates = new ArrayList<>();
        for (String line : splitTemplates(commandOption)) {
            if (!line.isBlank()) {
                templates.add(CommandTemplate.parse(line, templates.size() + 1));
            }
        }
        if (templates.isEmpty()) {
            throw new IllegalArgumentException("no command given: one or more templates such as 'GET __key__', one per line");
        }
        long[] equal = new long[templates.size()];
        java.util.Arrays.fill(equal, 1);
        return of(templates, equal);
    }

    /**
     * These templates with the {@code ratio} option's shares: {@code 1:9}, one whole number per template in order,
     * or {@code equal}.
     *
     * @throws IllegalArgumentException one line saying what is wrong with the ratio
     */
    public CommandSet withRatio(String ratio) {
        return of(commands.stream().map(Weighted::template).toList(), RatioParser.parse(ratio, commands.size()));
    }

    private static CommandSet of(List<CommandTemplate> templates, long[] weights) {
        boolean lookupsAgreeWithRedis = templates.stream()
                .allMatch(t -> t.name().equals("GET") || (NO_KEY_READS.contains(t.name()) && !readsWithGetOption(t)));
        Map<String, Integer> seen = new HashMap<>();
        List<Weighted> commands = new ArrayList<>();
        for (int i = 0; i < templates.size(); i++) {
            CommandTemplate template = templates.get(i);
            int count = seen.merge(template.name(), 1, Integer::sum);
            String requestName = count == 1 ? template.name() : template.name() + " (" + count + ")";
            commands.add(new Weighted(template, weights[i], requestName, lookupsAgreeWithRedis && template.name().equals("GET")));
        }
        return new CommandSet(commands);
    }

    private static List<String> splitTemplates(String option) {
        List<String> templates = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < option.length(); i++) {
            char c = option.charAt(i);
            if (quoted && c == '\\' && i + 1 < option.length()) {
                current.append(c).append(option.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == '\n' || (c == ';' && !quoted)) {
                templates.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        templates.add(current.toString());
        return templates;
    }

    /** {@code SET key value GET} reads the old value: Redis counts it as a lookup. */
    private static boolean readsWithGetOption(CommandTemplate template) {
        return template.name().equals("SET") && template.arguments().stream().anyMatch(a -> a.equalsIgnoreCase("GET"));
    }

    /** The sum of the weights (positive). */
    public long totalWeight() {
        return commands.stream().mapToLong(Weighted::weight).sum();
    }

    /** The template {@code draw} picks, a number uniform in {@code [0, totalWeight())}. */
    public int choose(long draw) {
        long rest = draw;
        for (int i = 0; i < commands.size(); i++) {
            rest -= commands.get(i).weight();
            if (rest < 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("draw " + draw + " is not below the total weight " + totalWeight());
    }

    /** What the manifest records: every template with its request name and weight. */
    public WorkloadDefinition definition() {
        List<WorkloadDefinition.Source> sources = new ArrayList<>();
        for (Weighted command : commands) {
            sources.add(new WorkloadDefinition.Source("command", command.requestName(), command.weight(), command.template().text()));
        }
        return new WorkloadDefinition(KIND, sources);
    }

    /** The {@code ratio} option. */
    static final class RatioParser {

        private RatioParser() {
        }

        static long[] parse(String ratio, int count) {
            long[] weights = new long[count];
            String text = ratio.strip();
            if (text.isEmpty() || text.equalsIgnoreCase("equal")) {
                java.util.Arrays.fill(weights, 1);
                return weights;
            }
            String[] terms = text.split(":");
            if (terms.length != count) {
                throw new IllegalArgumentException("ratio '" + text + "' has " + terms.length + " term" + (terms.length == 1 ? "" : "s")
                        + " for " + count + " command" + (count == 1 ? "" : "s") + " (one whole number per command, e.g. 1:9)");
            }
            long total = 0;
            for (int i = 0; i < count; i++) {
                try {
                    weights[i] = Long.parseLong(terms[i].strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("ratio '" + text + "': '" + terms[i].strip() + "' is not a whole number");
                }
                if (weights[i] < 0 || weights[i] > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("ratio '" + text + "': " + weights[i] + " is out of range (0 .. "
                            + Integer.MAX_VALUE + ")");
                }
                total += weights[i];
            }
            if (total == 0) {
                throw new IllegalArgumentException("ratio '" + text + "' is all zeros: at least one command must be sent");
            }
            return weights;
        }
    }
}
