package io.loadbench.scenarios.simulations;

import io.loadbench.scenarios.run.Workload;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every workload loadbench ships, by short name: what {@code loadbench workloads} lists and {@code run} runs. */
public final class Workloads {

    private static final List<Workload> ALL = List.of(
            CacheQueriesSimulation.WORKLOAD,
            WeatherUsersSimulation.WORKLOAD,
            EventAnalyticsSimulation.WORKLOAD,
            DailyScheduleSimulation.WORKLOAD,
            GatewayPaginationSimulation.WORKLOAD,
            SqlScriptSimulation.WORKLOAD,
            RedisCommandSimulation.WORKLOAD);

    private Workloads() {
    }

    public static List<Workload> all() {
        return ALL;
    }

    public static Optional<Workload> byName(String name) {
        return ALL.stream().filter(workload -> workload.name().equals(name)).findFirst();
    }

    /** The short names, comma-separated, for messages. */
    public static String names() {
        return ALL.stream().map(Workload::name).collect(Collectors.joining(", "));
    }
}
