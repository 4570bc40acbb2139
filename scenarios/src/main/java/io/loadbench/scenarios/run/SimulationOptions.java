package io.loadbench.scenarios.run;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simulation's effective options: its preset ({@code -Dpreset=smoke}, the default) with individual
 * overrides from {@code -D} system properties of the same names ({@code -Drate=2000 -Dduration=2m}).
 * Validated on read; a bad value names its option. Immutable.
 *
 * <p>A {@code -D} property that is no option of the simulation but looks like a misspelling of one
 * ({@code -Dqueriespersec=5000}: equal ignoring case, or within {@value #MAX_TYPO_DISTANCE} edits, one for
 * option names of {@value #SHORT_NAME_LENGTH} letters or fewer, where two edits reach unrelated words) is rejected
 * with the name it probably meant: read as nothing, it would run the preset's value, a different experiment
 * than the one asked for. Properties of the JVM, Maven, Gatling and loadbench's infrastructure are never
 * options: every name with a dot ({@code java.*}, {@code gatling.*}, {@code loadbench.*}, {@code maven.*}, …)
 * and the plain names in {@link #INFRASTRUCTURE}.
 */
public final class SimulationOptions {

    /** The preset used when {@code -Dpreset} is not given: fast enough for every build. */
    public static final String DEFAULT_PRESET = "smoke";

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    /** Plain (dot-less) system properties that are not options: the run's target and label, Maven's and Surefire's. */
    static final Set<String> INFRASTRUCTURE = Set.of("preset", "target", "pgUrl", "redisUrl", "label",
            "skipTests", "test", "it.test", "debug", "verbose", "basedir", "localRepository", "skip");

    static final int MAX_TYPO_DISTANCE = 2;
    static final int SHORT_NAME_LENGTH = 4;

    /**
     * Set by the {@code loadbench} command: option errors then name options as its flags ({@code --rate}), not as
     * {@code -D} properties.
     */
    public static final String CLI_SYNTAX_PROPERTY = "loadbench.optionSyntax";

    private final String simulation;
    private final String preset;
    private final Map<String, String> values;
    private final Map<String, String> commonNames;
    /** The options a {@code -D} property (own or common name) set, rather than the preset. */
    private final Set<String> given;
    private final boolean cliSyntax;
    private final Consumer<IllegalArgumentException> onRejected;

    private SimulationOptions(String simulation, String preset, Map<String, String> values, Map<String, String> commonNames,
                              Set<String> given, boolean cliSyntax, Consumer<IllegalArgumentException> onRejected) {
        this.simulation = simulation;
        this.preset = preset;
        this.values = values;
        this.commonNames = commonNames;
        this.given = Set.copyOf(given);
        this.cliSyntax = cliSyntax;
        this.onRejected = onRejected;
    }

    /**
     * Resolves the options of a simulation.
     *
     * @param presets every preset by name; each maps every option of the simulation to its value
     * @param system  the system properties ({@code -Dpreset} and overrides)
     */
    public static SimulationOptions resolve(String simulation, Map<String, Map<String, String>> presets, Properties system) {
        return resolve(simulation, presets, system, rejected -> { });
    }

    /**
     * As {@link #resolve(String, Map, Properties)}, telling {@code onRejected} about every rejected value before
     * it is thrown: a simulation reads its options while it builds its scenarios, and a value it rejects then
     * must still end the run folder FAILED with the reason ({@link SimulationRun} passes the run's failure here).
     */
    public static SimulationOptions resolve(String simulation, Map<String, Map<String, String>> presets, Properties system,
                                            Consumer<IllegalArgumentException> onRejected) {
        return resolve(simulation, presets, Map.of(), system, onRejected);
    }

    /**
     * Resolves the options of a {@link Workload}: as {@link #resolve(String, Map, Properties, Consumer)}, and a
     * {@linkplain Workload#COMMON_NAMES common name} ({@code -Drate}) sets the workload's own option of that
     * meaning; a common name the workload has no option for is rejected, naming what it has.
     */
    public static SimulationOptions resolve(Workload workload, Properties system, Consumer<IllegalArgumentException> onRejected) {
        return resolve(workload.simpleClassName(), workload.presets(), workload.commonNames(), system, onRejected);
    }

    private static SimulationOptions resolve(String simulation, Map<String, Map<String, String>> presets,
                                             Map<String, String> commonNames, Properties system,
                                             Consumer<IllegalArgumentException> onRejected) {
        boolean cliSyntax = "cli".equals(system.getProperty(CLI_SYNTAX_PROPERTY));
        String preset = system.getProperty("preset", DEFAULT_PRESET).trim().toLowerCase(Locale.ROOT);
        Map<String, String> base = presets.get(preset);
        if (base == null) {
            throw rejected(onRejected, "unknown preset '" + preset + "' for " + simulation + " ("
                    + (cliSyntax ? "--preset" : "-Dpreset") + "); known: " + String.join(", ", presets.keySet()));
        }
        Set<String> known = new TreeSet<>(base.keySet());
        known.addAll(commonNames.keySet());
        rejectMisspelledOptions(simulation, known, system, onRejected);
        Map<String, String> values = new TreeMap<>(base);
        Set<String> given = new TreeSet<>();
        for (String key : base.keySet()) {
            String override = system.getProperty(key);
            if (override != null && !override.isBlank()) {
                values.put(key, override.trim());
                given.add(key);
            }
        }
        if (!commonNames.isEmpty()) {
            applyCommonNames(simulation, base.keySet(), commonNames, system, values, onRejected);
            commonNames.forEach((common, own) -> {
                String value = system.getProperty(common);
                if (value != null && !value.isBlank()) {
                    given.add(own);
                }
            });
        }
        return new SimulationOptions(simulation, preset, values, commonNames, given, cliSyntax, onRejected);
    }

    private static void applyCommonNames(String simulation, Set<String> options, Map<String, String> commonNames,
                                         Properties system, Map<String, String> values,
                                         Consumer<IllegalArgumentException> onRejected) {
        for (String common : Workload.COMMON_NAMES) {
            String value = system.getProperty(common);
            if (value == null || value.isBlank()) {
                continue;
            }
            String own = commonNames.get(common);
            if (own == null) {
                if (options.contains(common)) {
                    continue;
                }
                throw rejected(onRejected, simulation + " has no " + common + " option (its options: "
                        + String.join(", ", Workload.COMMON_NAMES.stream().filter(commonNames::containsKey).toList()) + " and its own)");
            }
            String ownValue = system.getProperty(own);
            if (!own.equals(common) && ownValue != null && !ownValue.isBlank() && !ownValue.trim().equals(value.trim())) {
                throw rejected(onRejected, simulation + ": " + common + " and " + own + " are the same option, given "
                        + value.trim() + " and " + ownValue.trim());
            }
            values.put(own, value.trim());
        }
    }

    private static void rejectMisspelledOptions(String simulation, Set<String> options, Properties system,
                                                Consumer<IllegalArgumentException> onRejected) {
        for (String property : new TreeSet<>(system.stringPropertyNames())) {
            if (options.contains(property) || property.contains(".") || INFRASTRUCTURE.contains(property)
                    || Workload.COMMON_NAMES.contains(property)) {
                continue;
            }
            Optional<String> meant = closest(property, options);
            if (meant.isPresent()) {
                throw rejected(onRejected, simulation + ": unknown option " + property + " (-D" + property
                        + "); did you mean " + meant.get() + "?");
            }
        }
    }

    /** The option {@code property} is probably a misspelling of, if any: the nearest within the allowed edits. */
    public static Optional<String> closest(String property, Set<String> options) {
        String lower = property.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String option : new TreeSet<>(options)) {
            int distance = editDistance(lower, option.toLowerCase(Locale.ROOT));
            int allowed = option.length() <= SHORT_NAME_LENGTH ? 1 : MAX_TYPO_DISTANCE;
            if (distance <= allowed && distance < bestDistance) {
                best = option;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    public String preset() {
        return preset;
    }

    /** True when the user set {@code option} (by its name or its common name), false when it is the preset's value. */
    public boolean given(String option) {
        return given.contains(option);
    }

    public String string(String option) {
        String value = values.get(option);
        if (value == null) {
            throw rejected(onRejected, simulation + " has no option '" + option + "'");
        }
        return value;
    }

    /** A positive integer option. */
    public int positiveInt(String option) {
        long value = positiveLong(option);
        if (value > Integer.MAX_VALUE) {
            throw invalid(option, "an integer up to " + Integer.MAX_VALUE);
        }
        return (int) value;
    }

    /** A positive long option ({@code 10000}, {@code 10_000} and {@code 10k}/{@code 10M} accepted). */
    public long positiveLong(String option) {
        String raw = string(option).replace("_", "").toLowerCase(Locale.ROOT);
        long multiplier = 1;
        if (raw.endsWith("k")) {
            multiplier = 1_000;
            raw = raw.substring(0, raw.length() - 1);
        } else if (raw.endsWith("m")) {
            multiplier = 1_000_000;
            raw = raw.substring(0, raw.length() - 1);
        }
        try {
            long value = Math.multiplyExact(Long.parseLong(raw), multiplier);
            if (value <= 0) {
                throw invalid(option, "a positive number");
            }
            return value;
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalid(option, "a positive number");
        }
    }

    /** A number option ({@code 0.95}). */
    public double number(String option) {
        try {
            double value = Double.parseDouble(string(option));
            if (!Double.isFinite(value)) {
                throw invalid(option, "a finite number");
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalid(option, "a number");
        }
    }

    /** A duration option: {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h} (zero allowed). */
    public Duration duration(String option) {
        return parseDuration(string(option)).orElseThrow(() -> invalid(option, "a duration such as 500ms, 30s, 2m or 1h"));
    }

    /** {@code 500ms}, {@code 30s}, {@code 2m} or {@code 1h} as a duration; empty when the text is none of these. */
    public static Optional<Duration> parseDuration(String text) {
        Matcher matcher = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(matcher.group(1));
        return Optional.of(switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        });
    }

    /** A duration option that must be longer than zero (a load's length, a timeout, a limit). */
    public Duration positiveDuration(String option) {
        Duration value = duration(option);
        if (value.isZero()) {
            throw invalid(option, "a duration longer than zero");
        }
        return value;
    }

    /** A number option within {@code [min, max]}. */
    public double numberBetween(String option, double min, double max) {
        double value = number(option);
        if (value < min || value > max) {
            throw invalid(option, "a number from " + plain(min) + " to " + plain(max));
        }
        return value;
    }

    /** A fraction option, from 0 to 1 ({@code 0.05} = 5%). */
    public double ratio(String option) {
        return numberBetween(option, 0, 1);
    }

    /** A number option greater than zero (a scale, a rate). */
    public double positiveNumber(String option) {
        double value = number(option);
        if (value <= 0) {
            throw invalid(option, "a number greater than zero");
        }
        return value;
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** A choice option: one of {@code allowed}, as written. */
    public String oneOf(String option, String... allowed) {
        String value = string(option);
        if (!java.util.Arrays.asList(allowed).contains(value)) {
            throw invalid(option, String.join(" or ", allowed));
        }
        return value;
    }

    /** Rejects the value of {@code option} for a reason the simulation knows (e.g. it contradicts the target). */
    public IllegalArgumentException reject(String option, String why) {
        return rejected(onRejected, simulation + " option " + display(option) + ": " + why);
    }

    /** Every effective option, sorted, with the preset: what the manifest records as parameters. */
    public Map<String, Object> effective() {
        Map<String, Object> effective = new LinkedHashMap<>();
        effective.put("preset", preset);
        effective.putAll(values);
        return effective;
    }

    /** How the user gave {@code option}: {@code queriesPerSec (-DqueriesPerSec)}, or {@code --rate} from the command. */
    private String display(String option) {
        String common = commonNames.entrySet().stream().filter(e -> e.getValue().equals(option)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
        if (cliSyntax) {
            return "--" + Workload.flag(common != null ? common : option);
        }
        return option + " (-D" + option + (common != null && !common.equals(option) ? " or -D" + common : "") + ")";
    }

    private IllegalArgumentException invalid(String option, String expected) {
        return reject(option, "expected " + expected + ", got '" + values.get(option) + "'");
    }

    private static IllegalArgumentException rejected(Consumer<IllegalArgumentException> onRejected, String message) {
        IllegalArgumentException rejection = new IllegalArgumentException(message);
        onRejected.accept(rejection);
        return rejection;
    }
}
