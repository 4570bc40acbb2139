package io.loadbench.scenarios.live;

import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One scrape of {@code /metrics} in Prometheus' protobuf exposition format (what Prometheus asks for when it wants
 * native histograms), parsed with the classes the Prometheus Java client generates from {@code metrics.proto}
 * ({@code prometheus-metrics-exposition-formats}): a real parser, not a regular expression over the text format.
 */
record MetricsScrape(Map<String, Metrics.MetricFamily> families) {

    static final String PROTOBUF = "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited";

    static MetricsScrape of(HttpClient client, int port) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .header("Accept", PROTOBUF).timeout(Duration.ofSeconds(10)).build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IOException("/metrics answered " + response.statusCode());
        }
        Map<String, Metrics.MetricFamily> families = new TreeMap<>();
        try (InputStream body = response.body()) {
            for (Metrics.MetricFamily family; (family = Metrics.MetricFamily.parseDelimitedFrom(body)) != null; ) {
                families.put(family.getName(), family);
            }
        }
        return new MetricsScrape(families);
    }

    Optional<Metrics.MetricFamily> family(String name) {
        return Optional.ofNullable(families.get(name));
    }

    /** The metric of {@code family} whose labels are exactly {@code labels} (name, value, name, value ...). */
    Optional<Metrics.Metric> metric(String family, String... labels) {
        Map<String, String> wanted = new TreeMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        return family(family).flatMap(f -> f.getMetricList().stream().filter(m -> {
            Map<String, String> actual = new TreeMap<>();
            m.getLabelList().forEach(label -> actual.put(label.getName(), label.getValue()));
            return actual.equals(wanted);
        }).findFirst());
    }

    double counter(String family, String... labels) {
        return metric(family, labels).map(m -> m.getCounter().getValue()).orElse(0.0);
    }
}
