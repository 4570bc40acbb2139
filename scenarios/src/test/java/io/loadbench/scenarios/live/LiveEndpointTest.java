package io.loadbench.scenarios.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadbench.datastores.testing.TestDatastores;
import io.loadbench.results.Json;
import io.loadbench.scenarios.GatlingLauncher;
import io.loadbench.scenarios.run.BoundedRunSimulation;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -Dloadbench.metricsPort} during a real (tiny) simulation run on the test JVM's embedded PostgreSQL: a
 * Prometheus client scraping {@code /metrics} sees request counters grow and latency histograms fill, in the
 * OpenMetrics text format and in the protobuf format (parsed with the client's generated classes); the endpoint is
 * gone after the run; and a port already in use ends the run FAILED before its load, as one line.
 */
class LiveEndpointTest {

    private static final String REQUEST = "select one";

    @TempDir
    Path results;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    @Timeout(180)
    void duringARunMetricsServesGrowingRequestCountersAndLatencyHistogramsThatAPrometheusParserReads() throws Exception {
        int port = freePort();
        AtomicBoolean runEnded = new AtomicBoolean();
        CompletableFuture<Scrapes> scraping = CompletableFuture.supplyAsync(() -> scrapeTwiceWhileRunning(port, runEnded));

        GatlingLauncher.Result result;
        try {
            result = GatlingLauncher.run(BoundedRunSimulation.class, results, Map.of("pgUrl",
                    TestDatastores.embedded().postgres().jdbcUrlWithCredentials(), "mode", "select", "rate", "20",
                    "duration", "6s", "loadbench.metricsPort", String.valueOf(port)));
        } finally {
            runEnded.set(true);
        }
        Scrapes scrapes = scraping.get(30, TimeUnit.SECONDS);

        assertThat(scrapes.failure()).as("scraping during the run").isEmpty();
        MetricsScrape first = scrapes.first().orElseThrow();
        MetricsScrape second = scrapes.second().orElseThrow();
        assertThat(first.family("loadbench_requests_total").map(Metrics.MetricFamily::getType)).hasValue(Metrics.MetricType.COUNTER);
        double okBefore = first.counter("loadbench_requests_total", "request", REQUEST, "outcome", "ok");
        double okAfter = second.counter("loadbench_requests_total", "request", REQUEST, "outcome", "ok");
        assertThat(okBefore).isPositive();
        assertThat(okAfter).as("requests counted between two scrapes two seconds apart").isGreaterThan(okBefore);

        for (String family : List.of("loadbench_intended_latency_seconds", "loadbench_service_latency_seconds")) {
            Metrics.Histogram latency = second.metric(family, "request", REQUEST, "outcome", "ok").orElseThrow().getHistogram();
            assertThat(second.family(family).orElseThrow().getType()).isEqualTo(Metrics.MetricType.HISTOGRAM);
            assertThat(latency.getSampleCount()).as(family + " count").isPositive();
            assertThat(latency.getSampleSum()).as(family + " sum, seconds").isPositive().isLessThan(latency.getSampleCount() * 1.0);
            assertThat(latency.getBucketList()).extracting(Metrics.Bucket::getUpperBound)
                    .contains(0.0001, 0.001, 0.01, 0.1, 1.0, 10.0, 60.0);
            List<Long> cumulative = latency.getBucketList().stream().map(Metrics.Bucket::getCumulativeCount).toList();
            assertThat(cumulative).isSorted();
            assertThat(cumulative.get(cumulative.size() - 1)).isLessThanOrEqualTo(latency.getSampleCount());
        }
        assertThat(second.metric("loadbench_injector_lag_seconds").orElseThrow().getHistogram().getSampleCount()).isPositive();
        assertThat(second.counter("loadbench_arrivals_total")).isPositive();
        assertThat(second.counter("loadbench_injector_cpu_seconds_total")).isPositive();
        assertThat(second.metric("loadbench_run_info", "simulation", "bounded-run", "preset", "smoke", "run",
                result.runFolder().getFileName().toString())).isPresent();
        assertThat(second.family("loadbench_dropped_requests_total")).isPresent();

        assertThat(scrapes.openMetrics()).startsWith("# TYPE ").endsWith("# EOF\n")
                .contains("loadbench_requests_total{outcome=\"ok\",request=\"select one\"} ")
                .contains("loadbench_intended_latency_seconds_bucket{outcome=\"ok\",request=\"select one\",le=\"0.001\"} ");
        assertThat(scrapes.openMetricsType()).startsWith("application/openmetrics-text");

        assertThatThrownBy(() -> MetricsScrape.of(client, port)).as("the endpoint is closed with the run").isInstanceOf(IOException.class);
    }

    @Test
    @Timeout(240)
    void aMetricsPortInUseEndsTheRunFailedBeforeItsLoadWithOneLineNamingTheProperty() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            GatlingLauncher.Result result = GatlingLauncher.runWithoutTargetEnvironment(BoundedRunSimulation.class, results,
                    Map.of("pgUrl", TestDatastores.embedded().postgres().jdbcUrlWithCredentials(), "mode", "select",
                            "loadbench.metricsPort", String.valueOf(port)), Duration.ofMinutes(3));

            String reason = "-Dloadbench.metricsPort=" + port + ": cannot serve /metrics on 127.0.0.1:" + port
                    + ": the port is already in use (choose a free one, or 0 for none)";
            assertThat(result.exitCode()).isNotZero();
            JsonNode manifest = Json.mapper().readTree(result.runFolder().resolve("manifest.json").toFile());
            assertThat(manifest.path("status").asText()).isEqualTo("FAILED");
            assertThat(manifest.path("failureReason").asText()).isEqualTo(reason);
            assertThat(result.runFolder().resolve("hdr")).as("the measurement never began").doesNotExist();
            String console = Files.readString(results.resolve(".child-jvm.log"));
            assertThat(console).contains("error: bounded-run: " + reason).doesNotContain("\tat ").doesNotContain("Caused by");
            assertThat(console.lines().filter(line -> line.contains(reason)).count()).as("printed once").isEqualTo(1);
        }
    }

    /** Two protobuf scrapes two seconds apart once requests are counted, and one OpenMetrics text scrape. */
    private record Scrapes(Optional<MetricsScrape> first, Optional<MetricsScrape> second, String openMetrics,
                           String openMetricsType, Optional<String> failure) {
    }

    private Scrapes scrapeTwiceWhileRunning(int port, AtomicBoolean runEnded) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
        try {
            while (!runEnded.get() && System.nanoTime() < deadline) {
                Optional<MetricsScrape> first = tryScrape(port);
                if (first.isPresent() && first.get().counter("loadbench_requests_total", "request", REQUEST, "outcome", "ok") > 0) {
                    Thread.sleep(2_000);
                    MetricsScrape second = MetricsScrape.of(client, port);
                    HttpResponse<String> text = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                            .header("Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8").build(),
                            HttpResponse.BodyHandlers.ofString());
                    return new Scrapes(first, Optional.of(second), text.body(),
                            text.headers().firstValue("Content-Type").orElse(""), Optional.empty());
                }
                Thread.sleep(200);
            }
            return new Scrapes(Optional.empty(), Optional.empty(), "", "", Optional.of("no request was counted while the run ran"));
        } catch (IOException | InterruptedException e) {
            return new Scrapes(Optional.empty(), Optional.empty(), "", "", Optional.of(e.toString()));
        }
    }

    /** A scrape, or empty while the endpoint is not up yet (the run is still starting). */
    private Optional<MetricsScrape> tryScrape(int port) throws InterruptedException {
        try {
            return Optional.of(MetricsScrape.of(client, port));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
