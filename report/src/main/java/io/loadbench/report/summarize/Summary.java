package io.loadbench.report.summarize;

import io.loadbench.report.read.EnvironmentFacts;
import io.loadbench.report.read.JmhBenchmark;
import io.loadbench.report.read.Flatten;
import io.loadbench.report.read.MeasuredHistogram;
import io.loadbench.report.read.RequestLatency;
import io.loadbench.report.read.RunNoise;
import io.loadbench.report.read.SavedRun;
import io.loadbench.report.read.ScenarioFigures;
import io.loadbench.results.RunManifest;
import io.loadbench.results.load.LoadResult;
import io.loadbench.results.scenario.ScenarioResult;
import io.loadbench.report.text.Document;
import io.loadbench.report.text.Numbers;
import io.loadbench.report.text.Table;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.HdrHistogram.Histogram;

/** Builds the summary of one run. */
public final class Summary {

    /** The percentiles every latency table shows, in percent; the maximum follows them. */
    public static final double[] PERCENTILES = {50, 90, 99, 99.9};
    public static final String[] PERCENTILE_NAMES = {"p50", "p90", "p99", "p99.9"};

    /** Marks a JMH score whose error exceeds {@link JmhBenchmark.Metric#WIDE_ERROR_SHARE} of it. */
    public static final String WIDE_ERROR = "!";

    /** What the tables say of {@link #WIDE_ERROR}. */
    public static final String WIDE_ERROR_NOTE = WIDE_ERROR + " marks a score whose 99.9% error exceeds "
            + Math.round(JmhBenchmark.Metric.WIDE_ERROR_SHARE * 100) + "% of it: too uncertain to compare; measure longer"
            + " (more iterations and forks) or on a quieter machine.";

    private Summary() {
    }

    public static Document of(SavedRun run) {
        RunManifest manifest = run.manifest();
        Document doc = new Document().heading(1, "Run " + run.id());
        Table about = new Table().text("field").text("value");
        about.row("kind", manifest.kind().manifestName());
        about.row("name", manifest.name());
        about.row("label", manifest.label().orElse(null));
        about.row("started", manifest.startedAt().toString());
        about.row("finished", manifest.finishedAt().map(Object::toString).orElse(null));
        about.row("duration", manifest.durationMs().isPresent()
                ? Numbers.value(manifest.durationMs().getAsLong() / 1000.0) + " s" : null);
        about.row("status", manifest.status().name());
        manifest.failureReason().ifPresent(reason -> about.row("failure reason", reason));
        about.row("noise", RunNoise.full(run));
        doc.table(about);
        for (String warning : run.warnings()) {
            doc.paragraph("warning: " + warning);
        }

        doc.heading(2, "Environment");
        Table environment = new Table().text("fact").text("value");
        EnvironmentFacts.of(run).forEach((fact, value) -> environment.row(fact, value));
        doc.table(environment);

        Map<String, String> plan = Flatten.flatten(manifest.plan());
        if (!plan.isEmpty()) {
            doc.heading(2, "Plan");
            Table planTable = new Table().text("parameter").text("value");
            plan.forEach(planTable::row);
            doc.table(planTable);
        }
        if (!run.jmh().isEmpty()) {
            doc.heading(2, "JMH");
            if (anyWideError(List.of(run))) {
                doc.paragraph(WIDE_ERROR_NOTE);
            }
            doc.table(jmh(run));
        }
        if (run.load() != null) {
            doc.heading(2, "Load");
            load(run.load(), doc);
        }
        if (!run.requests().isEmpty()) {
            doc.heading(2, "Requests");
            doc.paragraph("Latency in milliseconds, from HdrHistogram interval logs added up, warm-up excluded.");
            doc.heading(3, "Latency from the intended start");
            doc.table(latency(run, RequestLatency::intended));
            doc.heading(3, "Service time");
            doc.table(latency(run, RequestLatency::service));
        }
        if (run.scenario() != null) {
            doc.heading(2, "Scenario");
            doc.table(scenario(run.scenario()));
        }
        return doc;
    }

    private static Table jmh(SavedRun run) {
        Table table = new Table().text("benchmark").text("params").text("mode").number("score ± error").text("unit");
        for (JmhBenchmark benchmark : run.jmh()) {
            table.row(benchmark.shortName(), benchmark.paramsText(), benchmark.mode(), jmhScore(benchmark.primary()),
                    benchmark.primary().unit());
            benchmark.secondary().forEach((name, metric) -> table.row(benchmark.shortName() + " · " + name,
                    benchmark.paramsText(), benchmark.mode(), jmhScore(metric), metric.unit()));
        }
        return table;
    }

    /** {@code 144,206 ± 304,174 !}: score ± error, marked when the error is wide. */
    public static String jmhScore(JmhBenchmark.Metric metric) {
        return Numbers.withError(metric.score(), metric.scoreError()) + (metric.hasWideError() ? " " + WIDE_ERROR : "");
    }

    /** True when a score of the runs has a wide error, so the tables need {@link #WIDE_ERROR_NOTE}. */
    public static boolean anyWideError(List<SavedRun> runs) {
        return runs.stream().flatMap(run -> run.jmh().stream())
                .anyMatch(b -> b.primary().hasWideError() || b.secondary().values().stream().anyMatch(JmhBenchmark.Metric::hasWideError));
    }

    private static void load(LoadResult load, Document doc) {
        doc.paragraph("dataset " + load.dataset() + ", " + load.format() + " COPY, batch " + load.batchSize() + ", "
                + load.workers() + " workers, verification " + load.verification().status());
        doc.paragraph("Per table: the parallel COPY (rows loaded by this run). Total: the whole load, DDL, keys, indexes "
                + "and output steps included.");
        Table table = new Table().text("table").number("rows").number("rows/s").number("MB/s").number("seconds");
        long totalRows = 0;
        for (LoadResult.TableLoad t : load.tables()) {
            totalRows += t.rowsLoaded();
            table.row(t.name(), Numbers.count(t.rowsLoaded()), Numbers.value(t.rowsPerSecond()),
                    Numbers.value(t.megabytesPerSecond()), Numbers.value(t.copySeconds()));
        }
        // the total's time is the whole load (DDL, indexes and verification included), so its rate is lower
        table.row("total (whole load)", Numbers.count(totalRows), Numbers.value(load.totals().rowsPerSecond()), null,
                Numbers.value(load.totals().seconds()));
        doc.table(table);
    }

    /** One row per request: count, throughput, p50 … p99.9 and max in milliseconds. */
    public static Table latency(SavedRun run, Function<RequestLatency, MeasuredHistogram> which) {
        Table table = new Table().text("request").number("count").number("req/s");
        for (String name : PERCENTILE_NAMES) {
            table.number(name);
        }
        table.number("max").number("warm-up intervals");
        for (RequestLatency request : run.requests().values()) {
            MeasuredHistogram measured = which.apply(request);
            if (measured == null) {
                continue;
            }
            Histogram h = measured.histogram();
            String[] cells = new String[PERCENTILES.length + 5];
            cells[0] = request.request();
            cells[1] = Numbers.count(h.getTotalCount());
            cells[2] = Numbers.value(request.throughputPerSecond());
            for (int i = 0; i < PERCENTILES.length; i++) {
                cells[3 + i] = h.getTotalCount() == 0 ? null : Numbers.millisFromMicros(h.getValueAtPercentile(PERCENTILES[i]));
            }
            cells[3 + PERCENTILES.length] = h.getTotalCount() == 0 ? null : Numbers.millisFromMicros(h.getMaxValue());
            cells[4 + PERCENTILES.length] = Integer.toString(measured.warmUpIntervals());
            table.row(cells);
        }
        return table;
    }

    private static Table scenario(ScenarioResult scenario) {
        Table table = new Table().text("figure").number("value");
        table.row("preset", scenario.preset());
        table.row("target rate req/s", scenario.rate().targetRequestsPerSecond().isPresent()
                ? Numbers.value(scenario.rate().targetRequestsPerSecond().getAsDouble()) : "-");
        table.row("achieved rate req/s", Numbers.value(scenario.rate().achievedRequestsPerSecond()));
        table.row("requests after warm-up", Numbers.count(scenario.rate().requestsAfterWarmup()));
        scenario.requests().forEach((name, outcome) -> table.row(name + " OK / KO",
                Numbers.count(outcome.ok()) + " / " + Numbers.count(outcome.ko())));
        ScenarioFigures.hitRatios(scenario).forEach((name, ratio) -> table.row("hit ratio " + name, Numbers.percent(ratio)));
        table.row("injector: dropped requests", Numbers.count(scenario.injector().droppedRequests()));
        table.row("injector: CPU cores used", Numbers.value(scenario.injector().cpuCoresUsed()));
        table.row("injector: longest stall ms", Numbers.millisFromMicros(scenario.injector().hiccupUs().maxUs()));
        table.row("verdict", scenario.status().name());
        for (String failure : scenario.failures()) {
            table.row("failure", failure);
        }
        return table;
    }
}
