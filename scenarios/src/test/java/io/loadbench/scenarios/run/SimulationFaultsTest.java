package io.loadbench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadbench.datastores.Datastores;
import io.loadbench.datastores.TargetSpec;
import io.loadbench.datastores.testing.ServerFaults;
import io.loadbench.results.Json;
import io.loadbench.scenarios.GatlingLauncher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulation whose servers fail under it: PostgreSQL or Redis frozen (SIGSTOP) for the rest of the run, and
 * PostgreSQL restarted in the middle. Each run ends by itself within its bound (the plan plus the query timeout,
 * the pool timeout and the verdict's margin), writes its verdict and {@code scenario.json}, and counts what the
 * fault cost as failed requests: a FAILED run folder, never a hang and never an OK. Each test starts private
 * embedded servers, so the test JVM's shared ones are never frozen, and continues and stops them whatever happens.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SimulationFaultsTest {

    private static final Duration LOAD = Duration.ofSeconds(8);
    /** Intervals of the request's interval log written before the fault: the load is under way, about 2 s in. */
    private static final int INTERVALS_BEFORE_FAULT = 2;
    private static final int RATE = 20;

    @TempDir
    Path results;

    private Datastores servers;

    @AfterEach
    void stopServers() {
        if (servers != null) {
            servers.close();
        }
    }

    private Datastores privateServers() {
        servers = Datastores.open(TargetSpec.embedded());
        return servers;
    }

    @Test
    void postgresFrozenForTheRestOfARunEndsItFailedWithinItsBound() throws Exception {
        Datastores pg = privateServers();
        Map<String, String> options = options("select", pg.postgres().jdbcUrlWithCredentials(), null);

        Outcome outcome = runWithFault(options, BoundedRunSimulation.REQUEST, () -> ServerFaults.freeze(pg.embeddedPostgres()));

        outcome.assertEndedFailedWithinItsBound();
        JsonNode request = outcome.scenario().path("requests").path(BoundedRunSimulation.REQUEST);
        assertThat(request.path("ok").asLong()).as("requests before the freeze").isPositive();
        assertThat(request.path("ko").asLong()).as("requests during the freeze are failures").isPositive();
    }

    @Test
    void redisFrozenForTheRestOfARunEndsItFailedWithinItsBound() throws Exception {
        Datastores stores = privateServers();
        Map<String, String> options = options("redis", stores.postgres().jdbcUrlWithCredentials(),
                stores.redis().urlWithCredentials());

        Outcome outcome = runWithFault(options, "get", () -> ServerFaults.freeze(stores.embeddedRedis()));

        outcome.assertEndedFailedWithinItsBound();
        JsonNode request = outcome.scenario().path("requests").path("get");
        assertThat(request.path("ok").asLong()).as("requests before the freeze").isPositive();
        assertThat(request.path("ko").asLong()).as("requests during the freeze are failures").isPositive();
    }

    @Test
    void postgresRestartedInTheMiddleOfARunCountsTheLostRequestsAsFailuresAndTheRunRecovers() throws Exception {
        Datastores pg = privateServers();
        Map<String, String> options = options("select", pg.postgres().jdbcUrlWithCredentials(), null);

        Outcome outcome = runWithFault(options, BoundedRunSimulation.REQUEST, () -> ServerFaults.restart(pg.embeddedPostgres()));

        outcome.assertEndedFailedWithinItsBound();
        JsonNode request = outcome.scenario().path("requests").path(BoundedRunSimulation.REQUEST);
        long ok = request.path("ok").asLong();
        // a fast shutdown terminates the pooled sessions: the requests they carried, and those sent while the
        // server was down, fail; the pool then opens new sessions and the rest of the run succeeds
        assertThat(request.path("ko").asLong()).as("requests lost to the restart").isPositive();
        long beforeFault = (long) RATE * INTERVALS_BEFORE_FAULT;
        assertThat(ok).as("requests answered before and after the restart").isGreaterThan(beforeFault + RATE);
    }

    private Map<String, String> options(String mode, String pgUrl, String redisUrl) {
        Map<String, String> options = new HashMap<>();
        options.put("mode", mode);
        options.put("pgUrl", pgUrl);
        if (redisUrl != null) {
            options.put("redisUrl", redisUrl);
        }
        options.put("duration", LOAD.toSeconds() + "s");
        options.put("rate", Integer.toString(RATE));
        return options;
    }

    /**
     * Runs the simulation; {@code fault} is injected once the interval log of {@code request} holds
     * {@link #INTERVALS_BEFORE_FAULT} intervals (the load is under way, whatever Gatling's start-up took), and undone
     * when the run has ended.
     */
    private Outcome runWithFault(Map<String, String> options, String request, Supplier<AutoCloseable> fault) throws Exception {
        AtomicReference<AutoCloseable> injected = new AtomicReference<>();
        AtomicBoolean runEnded = new AtomicBoolean();
        CompletableFuture<Void> injector = CompletableFuture.runAsync(() -> {
            try {
                while (!runEnded.get() && IntervalLogs.written(results, request) < INTERVALS_BEFORE_FAULT) {
                    Thread.sleep(20);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (!runEnded.get()) {
                injected.set(fault.get());
            }
        });
        long started = System.nanoTime();
        GatlingLauncher.Result result;
        try {
            result = GatlingLauncher.run(BoundedRunSimulation.class, results, options);
        } finally {
            runEnded.set(true);
            injector.get(90, TimeUnit.SECONDS);
            if (injected.get() != null) {
                injected.get().close();
            }
        }
        assertThat(injected.get()).as("the fault was injected while the load ran").isNotNull();
        return new Outcome(result, Duration.ofNanos(System.nanoTime() - started));
    }

    private record Outcome(GatlingLauncher.Result result, Duration took) {

        JsonNode manifest() throws Exception {
            return Json.mapper().readTree(result.runFolder().resolve("manifest.json").toFile());
        }

        JsonNode scenario() throws Exception {
            Path file = result.runFolder().resolve("scenario.json");
            assertThat(file).as("scenario.json is always written").isRegularFile();
            return Json.mapper().readTree(Files.readString(file));
        }

        void assertEndedFailedWithinItsBound() throws Exception {
            JsonNode manifest = manifest();
            long boundMs = manifest.path("parameters").path("maxDurationMs").asLong();
            assertThat(boundMs).as("the run's bound").isPositive();
            // the bound, plus starting Gatling and writing the run folder on a busy 2-core machine
            assertThat(took).isLessThan(Duration.ofMillis(boundMs).plusSeconds(30));
            assertThat(result.exitCode()).as("a failed verdict fails Gatling's assertion").isNotZero();
            assertThat(manifest.path("status").asText()).isEqualTo("FAILED");
            assertThat(manifest.path("failureReason").asText()).isNotBlank().doesNotContain("\n");
            assertThat(scenario().path("status").asText()).isEqualTo("FAILED");
            System.out.printf(java.util.Locale.ROOT, "fault run: ended after %.1f s (bound %.1f s): %s%n", took.toMillis() / 1e3,
                    boundMs / 1e3, manifest.path("failureReason").asText());
        }
    }
}
