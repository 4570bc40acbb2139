package io.loadbench.report.compare;

import io.loadbench.report.read.EnvironmentFacts;
import io.loadbench.report.read.JmhBenchmark;
import io.loadbench.report.read.MeasuredHistogram;
import io.loadbench.report.read.RequestLatency;
import io.loadbench.report.read.RunNoise;
import io.loadbench.report.read.SavedRun;
import io.loadbench.report.read.ScenarioFigures;
import io.loadbench.results.RunManifest;
import io.loadbench.results.RunStatus;
import io.loadbench.results.noise.NoiseSummary;
import io.loadbench.results.load.LoadResult;
import io.loadbench.results.scenario.ScenarioResult;
import io.loadbench.report.summarize.Summary;
import io.loadbench.report.text.Document;
import io.loadbench.report.text.Numbers;
import io.loadbench.report.text.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.HdrHistogram.Histogram;

/** Builds the side-by-side comparison of two or more runs; the first run is the base of every ratio. */
public final class Comparison {

    /** Opens the paragraph that flags a comparison in which a run is noisy. */
    public static final String NOISY_COMPARISON = "NOISY COMPARISON";

    /** Marks a JMH ratio whose error intervals do not overlap with the first run's. */
    public static final String SIGNIFICANT = "*";

    private Comparison() {
    }

    /**
     * The flag of a comparison in which a run is noisy: which runs, and what they exceeded. A difference between
     * such runs may be the machine's noise rather than the machines.
     */
    private static Optional<String> noisyComparison(List<SavedRun> runs) {
        List<String> noisy = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            RunManifest manifest = runs.get(i).manifest();
            if (RunNoise.noisy(runs.get(i))) {
                List<String> exceeded = new ArrayList<>(manifest.noise().map(NoiseSummary::exceeded).orElse(List.of()));
                exceeded.addAll(RunNoise.noisySources(runs.get(i)));
                noisy.add(PlanCheck.letter(i) + (exceeded.isEmpty() ? "" : " (" + String.join("; ", exceeded) + ")"));
            }
        }
        if (noisy.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(NOISY_COMPARISON + ": run " + String.join(", run ", noisy) + " ran on a noisy machine; a"
                + " difference may be that noise, not the machines. Repeat " + (noisy.size() == 1 ? "it" : "them")
                + " on a quiet machine before drawing conclusions.");
    }

    /**
     * @param planDifferences what {@link PlanCheck#differences} found; printed above the tables when not empty
     *                        (the caller refuses to get here unless the user allowed a mismatch)
     */
    public static Document of(List<SavedRun> runs, List<String> planDifferences) {
        Document doc = new Document().heading(1, "Comparison of " + runs.size() + " runs");
        if (!planDifferences.isEmpty()) {
            doc.paragraph("PLAN MISMATCH (allowed by --allow-plan-mismatch): " + String.join("; ", planDifferences));
        }
        noisyComparison(runs).ifPresent(doc::paragraph);
        Table legend = new Table().text("run").text("folder").text("label").text("started").text("status").text("noise (means)");
        for (int i = 0; i < runs.size(); i++) {
            SavedRun run = runs.get(i);
            String status = run.manifest().status() + run.manifest().failureReason().map(reason -> ": " + reason).orElse("");
            legend.row(PlanCheck.letter(i), run.id(), run.manifest().label().orElse(null), run.manifest().startedAt().toString(),
                    status, RunNoise.brief(run));
        }
        doc.table(legend);
        for (int i = 0; i < runs.size(); i++) {
            SavedRun run = runs.get(i);
            if (!run.manifest().status().succeeded()) {
                doc.paragraph("warning: run " + PlanCheck.letter(i) + " is " + run.manifest().status()
                        + (run.manifest().status() == RunStatus.RUNNING ? " (it never finished)" : "")
                        + "; its figures are not a valid measurement of the plan.");
            }
            for (String warning : run.warnings()) {
                doc.paragraph("warning: run " + PlanCheck.letter(i) + ": " + warning);
            }
        }

        doc.heading(2, "Environment differences");
        environment(runs, doc);

        if (runs.stream().anyMatch(run -> !run.jmh().isEmpty())) {
            doc.heading(2, "JMH");
            doc.paragraph("Ratios are to run A; " + SIGNIFICANT
                    + " marks a difference whose 99.9% error intervals do not overlap (JMH's score error).");
            if (Summary.anyWideError(runs)) {
                doc.paragraph(Summary.WIDE_ERROR_NOTE);
            }
            doc.table(jmh(runs));
        }
        if (runs.stream().anyMatch(run -> run.load() != null)) {
            doc.heading(2, "Load rates (rows/s)");
            doc.table(load(runs));
        }
        Set<String> requests = requestNames(runs);
        if (!requests.isEmpty()) {
            doc.heading(2, "Request throughput (req/s)");
            doc.table(throughput(runs, requests));
            doc.heading(2, "Latency (ms)");
            doc.paragraph("Percentiles read from each run's histogram (interval logs added up, warm-up excluded); "
                    + "ratios are to run A.");
            for (String request : requests) {
                doc.heading(3, request + ": from the intended start");
                doc.table(latency(runs, request, RequestLatency::intended));
                doc.heading(3, request + ": service time");
                doc.table(latency(runs, request, RequestLatency::service));
            }
        }
        if (runs.stream().anyMatch(run -> run.scenario() != null)) {
            doc.heading(2, "Scenario");
            doc.table(scenario(runs));
        }
        return doc;
    }

    private static void environment(List<SavedRun> runs, Document doc) {
        List<Map<String, String>> facts = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (SavedRun run : runs) {
            Map<String, String> of = EnvironmentFacts.of(run);
            facts.add(of);
            names.addAll(of.keySet());
        }
        Table table = new Table().text("fact");
        for (int i = 0; i < runs.size(); i++) {
            table.text(PlanCheck.letter(i));
        }
        for (String name : names) {
            List<String> row = new ArrayList<>();
            row.add(name);
            boolean differs = false;
            for (Map<String, String> of : facts) {
                String value = of.getOrDefault(name, "absent");
                differs |= !Objects.equals(value, facts.get(0).getOrDefault(name, "absent"));
                row.add(value);
            }
            if (differs && name.endsWith("flags")) {
                row = unsharedFlags(row);
            }
            if (differs) {
                table.row(row);
            }
        }
        if (table.isEmpty()) {
            doc.paragraph("none: same CPU, cores, memory, OS, JVM and server settings.");
        } else {
            doc.table(table);
        }
    }

    /** A flags row reduced to the flags not every run has, so a long common command line does not hide the difference. */
    private static List<String> unsharedFlags(List<String> row) {
        Set<String> common = null;
        for (String value : row.subList(1, row.size())) {
            Set<String> flags = new LinkedHashSet<>(List.of(value.split(" ")));
            if (common == null) {
                common = flags;
            } else {
                common.retainAll(flags);
            }
        }
        if (common == null || common.isEmpty()) {
            return row;
        }
        List<String> out = new ArrayList<>();
        out.add(row.get(0) + " (not shared)");
        for (String value : row.subList(1, row.size())) {
            StringBuilder own = new StringBuilder();
            for (String flag : value.split(" ")) {
                if (!common.contains(flag)) {
                    own.append(own.length() == 0 ? "" : " ").append(flag);
                }
            }
            out.add(own.length() == 0 ? "none" : own.toString());
        }
        return out;
    }

    private static Table runColumns(Table table, int runs) {
        for (int i = 0; i < runs; i++) {
            table.number(PlanCheck.letter(i));
            if (i > 0) {
                table.number(PlanCheck.letter(i) + "/A");
            }
        }
        return table;
    }

    private static Table jmh(List<SavedRun> runs) {
        // every measurement (benchmark, mode, params, metric) of any run, in the order first seen
        Map<String, List<JmhBenchmark.Metric>> rows = new LinkedHashMap<>();
        Map<String, String[]> labels = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            for (JmhBenchmark benchmark : runs.get(i).jmh()) {
                put(rows, labels, runs.size(), i, benchmark.key(), benchmark.shortName(), benchmark, benchmark.primary());
                for (Map.Entry<String, JmhBenchmark.Metric> secondary : benchmark.secondary().entrySet()) {
                    put(rows, labels, runs.size(), i, benchmark.key() + " " + secondary.getKey(),
                            benchmark.shortName() + " · " + secondary.getKey(), benchmark, secondary.getValue());
                }
            }
        }
        Table table = runColumns(new Table().text("benchmark").text("params").text("mode").text("unit"), runs.size());
        for (Map.Entry<String, List<JmhBenchmark.Metric>> row : rows.entrySet()) {
            String[] label = labels.get(row.getKey());
            List<String> cells = new ArrayList<>(List.of(label));
            List<JmhBenchmark.Metric> metrics = row.getValue();
            JmhBenchmark.Metric base = metrics.get(0);
            for (int i = 0; i < metrics.size(); i++) {
                JmhBenchmark.Metric metric = metrics.get(i);
                cells.add(metric == null ? null : Summary.jmhScore(metric));
                if (i > 0) {
                    String ratio = metric == null || base == null ? null
                            : Numbers.ratio(metric.score(), base.score())
                            + (metric.differsSignificantlyFrom(base) ? " " + SIGNIFICANT : "");
                    cells.add(ratio);
                }
            }
            table.row(cells);
        }
        return table;
    }

    private static void put(Map<String, List<JmhBenchmark.Metric>> rows, Map<String, String[]> labels, int runs,
                            int run, String key, String name, JmhBenchmark benchmark, JmhBenchmark.Metric metric) {
        rows.computeIfAbsent(key, k -> {
            List<JmhBenchmark.Metric> empty = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                empty.add(null);
            }
            return empty;
        }).set(run, metric);
        labels.putIfAbsent(key, new String[] {name, benchmark.paramsText(), benchmark.mode(), metric.unit()});
    }

    private static Table load(List<SavedRun> runs) {
        Set<String> tables = new LinkedHashSet<>();
        for (SavedRun run : runs) {
            if (run.load() != null) {
                run.load().tables().forEach(t -> tables.add(t.name()));
            }
        }
        Table table = runColumns(new Table().text("table"), runs.size());
        for (String name : tables) {
            table.row(ratioRow(name, runs, run -> run.load() == null ? null : run.load().tables().stream()
                    .filter(t -> t.name().equals(name)).map(LoadResult.TableLoad::rowsPerSecond).findFirst().orElse(null)));
        }
        table.row(ratioRow("total (whole load)", runs, run -> run.load() == null ? null : run.load().totals().rowsPerSecond()));
        return table;
    }

    private static List<String> ratioRow(String name, List<SavedRun> runs, Function<SavedRun, Double> value) {
        return ratioRow(name, runs, value, Numbers::value);
    }

    private static List<String> countRow(String name, List<SavedRun> runs, Function<SavedRun, Long> value) {
        return ratioRow(name, runs, run -> {
            Long count = value.apply(run);
            return count == null ? null : count.doubleValue();
        }, count -> count == null ? "-" : Numbers.count(count.longValue()));
    }

    private static List<String> ratioRow(String name, List<SavedRun> runs, Function<SavedRun, Double> value,
                                         Function<Double, String> format) {
        List<String> cells = new ArrayList<>();
        cells.add(name);
        Double base = value.apply(runs.get(0));
        for (int i = 0; i < runs.size(); i++) {
            Double v = value.apply(runs.get(i));
            cells.add(format.apply(v));
            if (i > 0) {
                cells.add(Numbers.ratio(v, base));
            }
        }
        return cells;
    }

    static Set<String> requestNames(List<SavedRun> runs) {
        Set<String> names = new TreeSet<>();
        runs.forEach(run -> names.addAll(run.requests().keySet()));
        return names;
    }

    private static Table throughput(List<SavedRun> runs, Set<String> requests) {
        Table table = runColumns(new Table().text("request"), runs.size());
        for (String request : requests) {
            table.row(ratioRow(request, runs, run -> {
                RequestLatency latency = run.requests().get(request);
                return latency == null ? null : latency.throughputPerSecond();
            }));
        }
        return table;
    }

    private static Table latency(List<SavedRun> runs, String request, Function<RequestLatency, MeasuredHistogram> which) {
        Table table = runColumns(new Table().text("percentile"), runs.size());
        List<Histogram> histograms = new ArrayList<>();
        for (SavedRun run : runs) {
            RequestLatency latency = run.requests().get(request);
            MeasuredHistogram measured = latency == null ? null : which.apply(latency);
            histograms.add(measured == null || measured.histogram().getTotalCount() == 0 ? null : measured.histogram());
        }
        table.row(countRow(histograms));
        for (int p = 0; p < Summary.PERCENTILES.length; p++) {
            double percentile = Summary.PERCENTILES[p];
            table.row(latencyRow(Summary.PERCENTILE_NAMES[p], histograms, h -> h.getValueAtPercentile(percentile)));
        }
        table.row(latencyRow("max", histograms, Histogram::getMaxValue));
        return table;
    }

    private static List<String> countRow(List<Histogram> histograms) {
        List<String> cells = new ArrayList<>();
        cells.add("count");
        for (int i = 0; i < histograms.size(); i++) {
            Histogram h = histograms.get(i);
            cells.add(h == null ? null : Numbers.count(h.getTotalCount()));
            if (i > 0) {
                cells.add(h == null || histograms.get(0) == null ? null
                        : Numbers.ratio((double) h.getTotalCount(), (double) histograms.get(0).getTotalCount()));
            }
        }
        return cells;
    }

    private static List<String> latencyRow(String name, List<Histogram> histograms, Function<Histogram, Long> valueUs) {
        List<String> cells = new ArrayList<>();
        cells.add(name);
        Long base = histograms.get(0) == null ? null : valueUs.apply(histograms.get(0));
        for (int i = 0; i < histograms.size(); i++) {
            Long v = histograms.get(i) == null ? null : valueUs.apply(histograms.get(i));
            cells.add(v == null ? null : Numbers.millisFromMicros(v));
            if (i > 0) {
                cells.add(v == null || base == null ? null : Numbers.ratio(v.doubleValue(), base.doubleValue()));
            }
        }
        return cells;
    }

    private static Table scenario(List<SavedRun> runs) {
        Set<String> caches = new TreeSet<>();
        runs.forEach(run -> {
            if (run.scenario() != null) {
                caches.addAll(ScenarioFigures.hitRatios(run.scenario()).keySet());
            }
        });
        Table table = runColumns(new Table().text("figure"), runs.size());
        table.row(ratioRow("target rate req/s", runs, run -> run.scenario() == null
                || run.scenario().rate().targetRequestsPerSecond().isEmpty() ? null
                : run.scenario().rate().targetRequestsPerSecond().getAsDouble()));
        table.row(ratioRow("achieved rate req/s", runs, run -> run.scenario() == null ? null
                : run.scenario().rate().achievedRequestsPerSecond()));
        table.row(countRow("KO requests", runs, run -> run.scenario() == null ? null : ScenarioFigures.koRequests(run.scenario())));
        table.row(countRow("injector: dropped requests", runs, run -> run.scenario() == null ? null
                : run.scenario().injector().droppedRequests()));
        table.row(ratioRow("injector: CPU cores used", runs, run -> run.scenario() == null ? null
                : run.scenario().injector().cpuCoresUsed()));
        for (String cache : caches) {
            List<String> cells = new ArrayList<>();
            cells.add("hit ratio " + cache);
            Double base = hitRatio(runs.get(0).scenario(), cache);
            for (int i = 0; i < runs.size(); i++) {
                Double ratio = hitRatio(runs.get(i).scenario(), cache);
                cells.add(ratio == null ? null : Numbers.percent(ratio));
                if (i > 0) {
                    cells.add(Numbers.ratio(ratio, base));
                }
            }
            table.row(cells);
        }
        return table;
    }

    private static Double hitRatio(ScenarioResult scenario, String cache) {
        return scenario == null ? null : ScenarioFigures.hitRatios(scenario).get(cache);
    }
}
