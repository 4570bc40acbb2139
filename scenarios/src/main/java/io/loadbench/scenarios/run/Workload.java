package io.loadbench.scenarios.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a user needs to know to run a simulation without reading it: its short name ({@code cache}), the seed
 * workload it reproduces, its model, its presets, and every option with a description and unit. The
 * {@code loadbench} command lists and runs workloads from these; {@link SimulationRun#open(Workload, java.util.function.Function)}
 * resolves the options from the same table, so what is listed is what runs.
 *
 * <p><b>Common names.</b> The options every workload shares under one name ({@link #COMMON_NAMES}: {@code rate},
 * {@code duration}, {@code users}, {@code ramp}, {@code connections}) map to the workload's own option of that
 * meaning ({@code rate} is the cache workload's {@code queriesPerSec}), so {@code --rate} and {@code -Drate} mean
 * the same on every workload that has a rate, and a workload without one rejects it.
 *
 * @param name         the short name ({@code cache}, {@code weather}, …)
 * @param runName      the run folder's name part and the manifest's {@code simulation} ({@code cache-queries})
 * @param className    the Gatling simulation's fully qualified class name
 * @param summary      one line: what it does
 * @param seed         the seed workload it reproduces, or what it is for
 * @param model        {@code open} (arrivals per second) or {@code closed} (a number of users)
 * @param presets      every preset, each mapping every option to its value ({@link Presets#table})
 * @param commonNames  common name → the workload's own option
 * @param descriptions the workload's own options → what they mean, with their units (the common options'
 *                     descriptions are {@link Presets#commonDescriptions()})
 */
public record Workload(String name, String runName, String className, String summary, String seed, String model,
                       Map<String, Map<String, String>> presets, Map<String, String> commonNames,
                       Map<String, String> descriptions) {

    /** Names with one meaning on every workload, mapped per workload to its own option. */
    public static final List<String> COMMON_NAMES = List.of("rate", "duration", "users", "ramp", "connections");

    public Workload {
        Objects.requireNonNull(name, "name");
        if (!Set.of("open", "closed").contains(model)) {
            throw new IllegalArgumentException(name + ": model must be open or closed, not " + model);
        }
        if (presets.isEmpty() || !presets.containsKey(Presets.SMOKE)) {
            throw new IllegalArgumentException(name + ": every workload has a " + Presets.SMOKE + " preset");
        }
        Set<String> options = presets.get(Presets.SMOKE).keySet();
        commonNames.forEach((common, own) -> {
            if (!COMMON_NAMES.contains(common)) {
                throw new IllegalArgumentException(name + ": " + common + " is not a common name " + COMMON_NAMES);
            }
            if (!options.contains(own)) {
                throw new IllegalArgumentException(name + ": common name " + common + " maps to " + own + ", not an option");
            }
        });
        Map<String, String> common = Presets.commonDescriptions();
        for (String option : options) {
            if (!common.containsKey(option) && !descriptions.containsKey(option)) {
                throw new IllegalArgumentException(name + ": option " + option + " has no description");
            }
        }
        presets = Map.copyOf(presets);
        commonNames = Map.copyOf(commonNames);
        descriptions = Map.copyOf(descriptions);
    }

    /** The simulation's simple class name, as option errors name it. */
    public String simpleClassName() {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** Every option, in the order of the smoke preset's table (common ones first). */
    public Set<String> options() {
        return presets.get(Presets.SMOKE).keySet();
    }

    /** What {@code option} means, with its unit. */
    public String describe(String option) {
        String own = descriptions.get(option);
        return own != null ? own : Presets.commonDescriptions().getOrDefault(option, "");
    }

    /** The common name {@code option} goes by, if it has one. */
    public Optional<String> commonNameOf(String option) {
        return commonNames.entrySet().stream().filter(e -> e.getValue().equals(option)).map(Map.Entry::getKey).findFirst();
    }

    /** The command-line flag of an option, without its dashes: {@code queriesPerSec} → {@code queries-per-sec}. */
    public static String flag(String option) {
        StringBuilder flag = new StringBuilder();
        for (char c : option.toCharArray()) {
            if (Character.isUpperCase(c)) {
                flag.append('-').append(Character.toLowerCase(c));
            } else {
                flag.append(c);
            }
        }
        return flag.toString();
    }

    /** Option → value of one preset, in table order. */
    public Map<String, String> preset(String preset) {
        Map<String, String> values = presets.get(preset);
        if (values == null) {
            throw new IllegalArgumentException("unknown preset '" + preset + "' for " + name + "; known: "
                    + String.join(", ", presets.keySet()));
        }
        return new LinkedHashMap<>(values);
    }
}
