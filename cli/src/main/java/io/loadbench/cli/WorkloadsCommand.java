package io.loadbench.cli;

import io.loadbench.scenarios.run.Presets;
import io.loadbench.scenarios.run.SimulationOptions;
import io.loadbench.scenarios.run.Workload;
import io.loadbench.scenarios.simulations.Workloads;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code loadbench workloads [WORKLOAD]}: every workload (or one) with its seed, model, presets, and each
 * option's flag, meaning, unit and value per preset.
 */
final class WorkloadsCommand {

    private final PrintStream out;
    private final PrintStream err;

    WorkloadsCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println("Usage: loadbench workloads [WORKLOAD]");
            out.println("Lists every workload (or one): its seed, model, presets, and its options with their values per preset.");
            return Loadbench.EXIT_OK;
        }
        if (args.length > 1 || (args.length == 1 && args[0].startsWith("-"))) {
            err.println("error: unknown argument '" + args[args.length - 1] + "' (usage: loadbench workloads [WORKLOAD])");
            return Loadbench.EXIT_USAGE;
        }
        List<Workload> shown = new ArrayList<>();
        if (args.length == 0) {
            shown.addAll(Workloads.all());
        } else {
            Optional<Workload> workload = Workloads.byName(args[0]);
            if (workload.isEmpty()) {
                err.println(unknownWorkload(args[0]));
                return Loadbench.EXIT_USAGE;
            }
            shown.add(workload.get());
        }
        for (Workload workload : shown) {
            print(workload);
        }
        out.println("Run one with 'loadbench run WORKLOAD [--preset P] [--option value]...'; every run also takes");
        WorkloadFlags.RUN_FLAGS.forEach((flag, description) -> out.printf("  --%-14s %s%n", flag, description));
        out.flush();
        return Loadbench.EXIT_OK;
    }

    /** The line refusing a workload name: the nearest known name, and every name. */
    static String unknownWorkload(String name) {
        Optional<String> meant = SimulationOptions.closest(name, new TreeSet<>(Workloads.all().stream().map(Workload::name).toList()));
        return "error: unknown workload '" + name + "'" + meant.map(m -> "; did you mean " + m + "?").orElse("")
                + " (workloads: " + Workloads.names() + ")";
    }

    private void print(Workload workload) {
        WorkloadFlags flags = new WorkloadFlags(workload);
        out.println(workload.name() + "  (" + workload.model() + " model; " + workload.seed() + ")");
        out.println("  " + workload.summary());
        out.println("  presets: " + String.join(", ", presetOrder(workload)));
        flags.options().forEach((flag, option) -> out.printf("  --%-20s %s %s%n", flag, workload.describe(option),
                values(workload, option)));
        out.println();
    }

    /** smoke first, then the others in the order they scale (by name when they cannot be told apart). */
    static List<String> presetOrder(Workload workload) {
        List<String> order = new ArrayList<>();
        order.add(Presets.SMOKE);
        for (String known : List.of("low", "demo", "high", "ultra", "full")) {
            if (workload.presets().containsKey(known)) {
                order.add(known);
            }
        }
        new TreeSet<>(workload.presets().keySet()).stream().filter(p -> !order.contains(p)).forEach(order::add);
        return order;
    }

    /**
     * {@code [smoke 200, demo 150, full 10000]}: the smoke value, then each other preset's; {@code [smoke 2s, others 5s]}
     * when the others agree, {@code [all 42]} when every preset does.
     */
    static String values(Workload workload, String option) {
        Map<String, Map<String, String>> presets = workload.presets();
        String smoke = presets.get(Presets.SMOKE).get(option);
        List<String> others = presetOrder(workload).stream().filter(p -> !p.equals(Presets.SMOKE)).toList();
        java.util.Set<String> otherValues = new java.util.LinkedHashSet<>();
        others.forEach(p -> otherValues.add(presets.get(p).get(option)));
        if (others.isEmpty() || otherValues.equals(java.util.Set.of(smoke))) {
            return "[all " + smoke + "]";
        }
        if (otherValues.size() == 1) {
            return "[smoke " + smoke + ", " + (others.size() == 1 ? others.get(0) : "others") + " " + otherValues.iterator().next() + "]";
        }
        StringBuilder values = new StringBuilder("[smoke ").append(smoke);
        others.forEach(p -> values.append(", ").append(p).append(' ').append(presets.get(p).get(option)));
        return values.append(']').toString();
    }
}
