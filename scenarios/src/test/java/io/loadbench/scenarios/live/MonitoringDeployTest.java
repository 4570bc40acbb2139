package io.loadbench.scenarios.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.loadbench.results.latency.LatencyHistograms;
import io.loadbench.results.latency.LatencyInterval;
import io.loadbench.scenarios.protocol.RequestCounters;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * The monitoring profile of {@code docker-compose.yml} and what it mounts from {@code deploy/}, checked by parsing
 * them (no Docker here: this proves they are well formed and agree with each other and with the injector's metrics,
 * not that the containers start): the four services are in the profile and pinned, every file they mount exists,
 * Prometheus scrapes the injector and both exporters where compose publishes them, Grafana's data source is that
 * Prometheus, and every {@code loadbench_*} series the dashboard queries is one the injector serves.
 */
class MonitoringDeployTest {

    private static final Path ROOT = Path.of("..");
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> MONITORING = List.of("prometheus", "grafana", "postgres-exporter", "redis-exporter");

    @Test
    void theMonitoringProfileRunsPrometheusGrafanaAndBothExportersFromPinnedImagesWithFilesThatExist() throws Exception {
        JsonNode services = YAML.readTree(ROOT.resolve("docker-compose.yml").toFile()).path("services");

        for (String name : MONITORING) {
            JsonNode service = services.path(name);
            assertThat(service.isObject()).as("service %s", name).isTrue();
            assertThat(service.path("profiles")).extracting(JsonNode::asText).as("%s profiles", name).containsExactly("monitoring");
            String image = service.path("image").asText();
            assertThat(image).as("%s image", name).matches(".+:v?\\d+\\.\\d+\\.\\d+");
            for (JsonNode volume : service.path("volumes")) {
                String source = volume.asText().split(":")[0];
                assertThat(ROOT.resolve(source)).as("%s mounts %s", name, source).exists();
            }
            for (JsonNode port : service.path("ports")) {
                assertThat(port.asText()).as("%s publishes on loopback only", name).startsWith("127.0.0.1:");
            }
        }
        assertThat(services.path("postgres").has("profiles")).as("the datastores start without the profile").isFalse();
        assertThat(services.path("redis").has("profiles")).isFalse();
        assertThat(services.path("prometheus").path("command")).extracting(JsonNode::asText)
                .contains("--web.listen-address=127.0.0.1:9090", "--config.file=/etc/prometheus/prometheus.yml");
        assertThat(services.path("grafana").path("environment").path("GF_SERVER_HTTP_ADDR").asText()).isEqualTo("127.0.0.1");
        String home = services.path("grafana").path("environment").path("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH").asText();
        assertThat(ROOT.resolve("deploy/grafana/dashboards").resolve(Path.of(home).getFileName())).exists();
    }

    @Test
    void prometheusScrapesTheInjectorAndTheExportersWhereComposePublishesThemAndGrafanaReadsThatPrometheus() throws Exception {
        JsonNode compose = YAML.readTree(ROOT.resolve("docker-compose.yml").toFile()).path("services");
        JsonNode prometheus = YAML.readTree(ROOT.resolve("deploy/prometheus/prometheus.yml").toFile());
        Map<String, String> targets = new java.util.TreeMap<>();
        for (JsonNode job : prometheus.path("scrape_configs")) {
            targets.put(job.path("job_name").asText(), job.path("static_configs").get(0).path("targets").get(0).asText());
        }

        assertThat(targets).containsEntry("loadbench", "127.0.0.1:9400");
        assertThat(compose.path("postgres-exporter").path("ports").get(0).asText()).isEqualTo(targets.get("postgres") + ":9187");
        assertThat(compose.path("redis-exporter").path("ports").get(0).asText()).isEqualTo(targets.get("redis") + ":9121");
        JsonNode datasource = YAML.readTree(ROOT.resolve("deploy/grafana/provisioning/datasources/prometheus.yml").toFile())
                .path("datasources").get(0);
        assertThat(datasource.path("type").asText()).isEqualTo("prometheus");
        assertThat(datasource.path("url").asText()).isEqualTo("http://127.0.0.1:9090");
        JsonNode provider = YAML.readTree(ROOT.resolve("deploy/grafana/provisioning/dashboards/loadbench.yml").toFile())
                .path("providers").get(0);
        assertThat(provider.path("options").path("path").asText()).isEqualTo("/var/lib/grafana/dashboards");
    }

    @Test
    void everyLoadbenchSeriesTheDashboardQueriesIsOneTheInjectorServes() throws Exception {
        JsonNode dashboard = JSON.readTree(Files.readString(ROOT.resolve("deploy/grafana/dashboards/loadbench-dashboard.json")));
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.path("expr").asText());
                assertThat(target.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
            }
        }
        Set<String> queried = new TreeSet<>();
        Pattern series = Pattern.compile("\\bloadbench_[a-z_]+");
        for (String expression : expressions) {
            Matcher found = series.matcher(expression);
            while (found.find()) {
                queried.add(found.group());
            }
        }

        assertThat(dashboard.path("uid").asText()).isEqualTo("loadbench-run");
        assertThat(expressions).hasSizeGreaterThan(20).allSatisfy(e -> assertThat(e).isNotBlank());
        assertThat(queried).hasSizeGreaterThan(12);
        assertThat(servedSeries()).containsAll(queried);
    }

    /** Every series name a scrape of a run with a request, a transaction and one interval shows. */
    private static Set<String> servedSeries() {
        FakeLiveSource run = new FakeLiveSource();
        run.requests.put("get", new RequestCounters.Counts(10, 1, 0, 0, 0));
        run.transactions.put("dashboard", new RequestCounters.Counts(5, 0, 0, 0, 0));
        run.targetUsers = 10;
        run.ratePerSec = 10;
        run.plannedLoad = Duration.ofSeconds(60);
        run.originNanos = OptionalLong.of(0);
        LiveSample sample = new LiveSampler(run, () -> 1_000_000_000L).sample(interval(), run.lag).orElseThrow();
        LiveMetrics metrics = new LiveMetrics(new LivePlan("s", "smoke", "run", Map.of(), Map.of()), new LiveMetrics.State() {
            @Override
            public Optional<LiveSource> source() {
                return Optional.of(run);
            }

            @Override
            public Optional<LiveSample> latest() {
                return Optional.of(sample);
            }

            @Override
            public Optional<LiveVerdict> verdict() {
                return Optional.of(new LiveVerdict("OK", List.of()));
            }
        });
        metrics.intervalLogged(interval(), Set.of("dashboard"), run.lag);
        Set<String> names = new TreeSet<>();
        for (MetricSnapshot snapshot : metrics.registry().scrape()) {
            String name = snapshot.getMetadata().getPrometheusName();
            if (snapshot instanceof CounterSnapshot) {
                names.add(name + "_total");
            } else if (snapshot instanceof HistogramSnapshot) {
                names.addAll(List.of(name + "_bucket", name + "_sum", name + "_count"));
            } else if (snapshot instanceof InfoSnapshot) {
                names.add(name + "_info");
            } else if (snapshot instanceof GaugeSnapshot) {
                names.add(name);
            }
        }
        return names;
    }

    private static LatencyInterval interval() {
        Histogram latency = LatencyHistograms.newHistogram();
        latency.recordValue(1_000);
        return new LatencyInterval(0, 1_000, false, List.of(new LatencyInterval.Request("get", latency, latency),
                new LatencyInterval.Request("dashboard", latency, latency)));
    }
}
