package io.loadbench.cli;

import io.loadbench.scenarios.run.Presets;
import io.loadbench.scenarios.run.SimulationOptions;
import io.loadbench.scenarios.run.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A workload's options as {@code loadbench run} flags: each option's flag is its common name when it has one
 * ({@code --rate} for the cache workload's {@code queriesPerSec}), else its own name in kebab case
 * ({@code --events-per-sec}). Also knows what a mistyped flag probably meant.
 */
final class WorkloadFlags {

    /** Flags of the run itself, on every workload, with what they set. */
    static final Map<String, String> RUN_FLAGS = runFlags();

    /**
     * Words users reach for from other tools, and the common name they mean here: {@code --qps} is
     * {@code --rate}. Edit distance would never find these.
     */
    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("qps", "rate"), Map.entry("rps", "rate"), Map.entry("tps", "rate"), Map.entry("throughput", "rate"),
            Map.entry("arrival-rate", "rate"), Map.entry("requests-per-sec", "rate"), Map.entry("target-rate", "rate"),
            Map.entry("time", "duration"), Map.entry("length", "duration"), Map.entry("run-time", "duration"),
            Map.entry("clients", "connections"), Map.entry("pool", "connections"), Map.entry("pool-size", "connections"),
            Map.entry("concurrency", "users"), Map.entry("vus", "users"), Map.entry("threads", "users"),
            Map.entry("ramp-up", "ramp"), Map.entry("rampup", "ramp"));

    /**
     * Options that take a list, given by repeating the flag ({@code --script a.sql --script b.sql@2}): the values are
     * joined with newlines, which every list option reads as its separator.
     */
    static final Set<String> REPEATABLE = Set.of("script", "command");

    private final Workload workload;
    /** flag (without dashes) → the workload's option */
    private final Map<String, String> options = new LinkedHashMap<>();

    WorkloadFlags(Workload workload) {
        this.workload = workload;
        // what a user changes most first: the common names, then the workload's own options, then the verdict's
        // and the protocol's (the options every workload has)
        List<String> order = new ArrayList<>();
        Workload.COMMON_NAMES.stream().map(common -> workload.commonNames().get(common)).filter(Objects::nonNull)
                .forEach(order::add);
        Set<String> common = Presets.commonDescriptions().keySet();
        workload.options().stream().filter(option -> !order.contains(option) && !common.contains(option)).sorted()
                .forEach(order::add);
        common.stream().filter(option -> !order.contains(option)).forEach(order::add);
        for (String option : order) {
            options.put(flagOf(option), option);
        }
    }

    private static Map<String, String> runFlags() {
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("preset", "the preset whose values the options start from (default smoke)");
        flags.put("pg-url", "PostgreSQL to run against (default LOADBENCH_PG_URL, else an embedded server)");
        flags.put("redis-url", "Redis to run against (default LOADBENCH_REDIS_URL, else an embedded server)");
        flags.put("target", "embedded, external or containers (default: external when a URL is given, else embedded)");
        flags.put("label", "the run folder's label (default: the host name)");
        flags.put("results", "where the run folder is written (default results)");
        flags.put("results-uri", "where a shard publishes its folder, as RUN-ID/shard-INDEX: file:///PATH (a shared volume) "
                + "or s3://BUCKET/PREFIX (written under --results, then uploaded, its completion marker last)");
        flags.put("gatling-report", "false: write no Gatling HTML report (loadbench's own files are the record; the "
                + "simulation.log stays, from which Gatling can build it later) (default true)");
        flags.put("metrics-port", "serve /metrics (Prometheus) and a live page on 127.0.0.1:PORT during the run (default off)");
        flags.put("shard", "run shard INDEX/COUNT of a scaled-out run: its share of the rate or users (default: "
                + "JOB_COMPLETION_INDEX with LB_SHARD_COUNT, else the whole run); writes RESULTS/RUN-ID/shard-INDEX");
        flags.put("run-id", "the id every shard of a scaled-out run shares (default LB_RUN_ID)");
        flags.put("start-at", "the ISO-8601 instant at which every shard starts its schedule; a shard not ready by then "
                + "exits 3 (late)");
        flags.put("local-shards", "run COUNT shards as processes on this machine, then merge them into one run");
        flags.put("start-delay", "with --local-shards: how long after launch the shards start (default 30s)");
        return flags;
    }

    /** Flag → option, in table order. */
    Map<String, String> options() {
        return options;
    }

    /** The flag the user types for {@code option}, without dashes. */
    String flagOf(String option) {
        return Workload.flag(workload.commonNameOf(option).orElse(option));
    }

    /** What an unknown flag probably meant, as the end of an error line, or empty. */
    Optional<String> suggestion(String typed) {
        String flag = typed.replaceFirst("^-+", "").replaceFirst("=.*$", "");
        String common = SYNONYMS.getOrDefault(flag, Workload.COMMON_NAMES.contains(flag) ? flag : null);
        if (common != null) {
            String own = workload.commonNames().get(common);
            if (own != null) {
                return Optional.of("did you mean --" + common + "?");
            }
            return Optional.of(workload.name() + " has no --" + common + " (a " + workload.model() + " model; its common options: "
                    // in COMMON_NAMES' order: commonNames() is a Map.copyOf, whose order changes from one JVM to the next
                    + String.join(", ", Workload.COMMON_NAMES.stream().filter(workload.commonNames()::containsKey)
                            .map(c -> "--" + c).toList()) + ")");
        }
        for (Map.Entry<String, String> common2 : workload.commonNames().entrySet()) {
            if (Workload.flag(common2.getValue()).equals(flag) || common2.getValue().equals(flag)) {
                return Optional.of("it is --" + common2.getKey() + " here");
            }
        }
        Set<String> known = new TreeSet<>(options.keySet());
        known.addAll(RUN_FLAGS.keySet());
        return SimulationOptions.closest(flag, known).map(meant -> "did you mean --" + meant + "?");
    }
}
