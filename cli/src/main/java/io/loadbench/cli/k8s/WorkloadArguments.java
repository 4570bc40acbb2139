package io.loadbench.cli.k8s;

import io.loadbench.cli.DurationOption;
import io.loadbench.scenarios.run.SimulationOptions;
import io.loadbench.scenarios.run.Workload;
import io.loadbench.scenarios.simulations.Workloads;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The workload the injectors run, as given after the render's own options ({@code cache --rate 20000 --duration 120s}):
 * passed to {@code loadbench run} unchanged, read here only for the workload's name and its duration, which sizes the
 * injectors' deadline. The pod checks every other option itself.
 */
final class WorkloadArguments {

    /**
     * Flags that the manifests set on every injector themselves (the schedule's start, the results, the shard and run
     * id from the environment), or that must pass through the render's options so that a password goes to a Secret.
     */
    static final List<String> SET_BY_RENDER = List.of("--start-at", "--results-uri", "--results", "--shard", "--run-id",
            "--pg-url", "--redis-url");

    private WorkloadArguments() {
    }

    /**
     * The workload's duration: its {@code --duration} (or the own option it names, {@code --hold} for weather) as
     * given, else its preset's ({@code --preset}, else {@value SimulationOptions#DEFAULT_PRESET}).
     *
     * @throws IllegalArgumentException for an unknown workload, a flag the render sets, or a duration that is not one
     */
    static Duration duration(List<String> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("name the workload the injectors run: loadbench k8s render [OPTIONS] WORKLOAD "
                    + "[ITS OPTIONS] (one of " + Workloads.names() + ")");
        }
        String name = args.get(0);
        Workload workload = Workloads.byName(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown workload '" + name + "' (one of " + Workloads.names() + ")"));
        List<String> options = args.subList(1, args.size());
        for (String arg : options) {
            String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (SET_BY_RENDER.contains(flag)) {
                throw new IllegalArgumentException(flag + " after the workload: the manifests set " + String.join(", ",
                        SET_BY_RENDER.subList(0, 5)) + " themselves; give --pg-url and --redis-url before the workload's name");
            }
        }
        String own = workload.commonNames().getOrDefault("duration", "duration");
        if (!workload.options().contains(own)) {
            throw new IllegalArgumentException(name + " has no duration option, which sizes the injectors' deadline");
        }
        String preset = value(options, "--preset").orElse(SimulationOptions.DEFAULT_PRESET);
        Optional<String> given = value(options, "--duration").or(() -> value(options, "--" + Workload.flag(own)));
        String text = given.orElseGet(() -> workload.preset(preset).get(own));
        return DurationOption.positive(given.isPresent() ? name + " --duration" : name + " preset " + preset + "'s " + own, text);
    }

    /** The value of {@code flag} in {@code args}, as {@code --flag VALUE} or {@code --flag=VALUE}; the last one wins. */
    private static Optional<String> value(List<String> args, String flag) {
        Optional<String> found = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals(flag) && i + 1 < args.size()) {
                found = Optional.of(args.get(++i));
            } else if (arg.startsWith(flag + "=")) {
                found = Optional.of(arg.substring(flag.length() + 1));
            }
        }
        return found;
    }
}
