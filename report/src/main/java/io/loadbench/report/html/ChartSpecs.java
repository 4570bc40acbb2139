package io.loadbench.report.html;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loadbench.report.compare.PlanCheck;
import io.loadbench.report.read.JmhBenchmark;
import io.loadbench.report.read.JsonFiles;
import io.loadbench.report.read.MeasuredHistogram;
import io.loadbench.report.read.RequestLatency;
import io.loadbench.report.read.SavedRun;
import io.loadbench.results.load.LoadResult;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The data of the page's charts, as JSON the page script turns into Chart.js charts:
 * <ul>
 *   <li>{@code percentiles}: one chart per request, latency (ms) against 1/(1−p) on a log axis, a line per
 *       run and histogram (intended start solid, service time dashed), points from HdrHistogram's
 *       percentile iteration (the same curve as an {@code .hgrm} file), each line named with its count
 *       ({@code A intended (n=12,345)}, also in {@code count}) and ending where 1/(1−p) passes it: with n values
 *       nothing is measured beyond the 1 − 1/n percentile;</li>
 *   <li>{@code bars}: request throughput and load rows/s per run;</li>
 *   <li>{@code batch}: JMH score against the batch size for every benchmark swept over a batch-size
 *       {@code @Param} (a numeric parameter whose name speaks of a batch or a pipeline: {@code batchSize},
 *       {@code rowsPerBatch}, {@code commandsPerPipeline}), a line per run;</li>
 *   <li>{@code bars} of JMH scores for the benchmarks that are not such sweeps.</li>
 * </ul>
 * JMH scores carry their 99.9% error: {@code errors} beside a bar series' {@code values}, {@code error} in a batch
 * curve's points ({@code null} when JMH gave none); the page draws each as an error bar from score − error to
 * score + error.
 */
public final class ChartSpecs {

    /** Points per halving of 1−p, as in HdrHistogram's own percentile output. */
    private static final int PERCENTILE_TICKS_PER_HALF_DISTANCE = 5;
    private static final MathContext SIX_DIGITS = new MathContext(6);

    private ChartSpecs() {
    }

    public static ObjectNode of(List<SavedRun> runs) {
        ObjectNode root = JsonFiles.MAPPER.createObjectNode();
        ArrayNode charts = root.putArray("charts");
        Set<String> requests = new TreeSet<>();
        runs.forEach(run -> requests.addAll(run.requests().keySet()));
        for (String request : requests) {
            percentiles(charts, runs, request);
        }
        if (!requests.isEmpty()) {
            bars(charts, "throughput", "Request throughput", "req/s", runs, List.copyOf(requests), (run, name) -> {
                RequestLatency latency = run.requests().get(name);
                return latency == null ? null : latency.throughputPerSecond();
            });
        }
        Set<String> tables = new LinkedHashSet<>();
        runs.forEach(run -> {
            if (run.load() != null) {
                run.load().tables().forEach(t -> tables.add(t.name()));
            }
        });
        if (!tables.isEmpty()) {
            bars(charts, "load", "Load rate per table", "rows/s", runs, List.copyOf(tables), (run, name) ->
                    run.load() == null ? null : run.load().tables().stream().filter(t -> t.name().equals(name))
                            .map(LoadResult.TableLoad::rowsPerSecond).findFirst().orElse(null));
        }
        jmhBars(charts, runs);
        batchCurves(charts, runs);
        return root;
    }

    private static void percentiles(ArrayNode charts, List<SavedRun> runs, String request) {
        ObjectNode chart = charts.addObject();
        chart.put("id", "chart-" + charts.size());
        chart.put("kind", "percentiles");
        chart.put("title", request + ": latency by percentile");
        chart.put("yLabel", "latency ms");
        ArrayNode series = chart.putArray("series");
        for (int i = 0; i < runs.size(); i++) {
            RequestLatency latency = runs.get(i).requests().get(request);
            if (latency == null) {
                continue;
            }
            curve(series, i, PlanCheck.letter(i) + " intended", latency.intended(), false);
            curve(series, i, PlanCheck.letter(i) + " service", latency.service(), true);
        }
    }

    private static void curve(ArrayNode series, int run, String name, MeasuredHistogram measured, boolean dashed) {
        if (measured == null || measured.histogram().getTotalCount() == 0) {
            return;
        }
        long count = measured.histogram().getTotalCount();
        ObjectNode line = series.addObject();
        // the count says how far out the curve means anything: with n values, nothing is known beyond 1 - 1/n
        line.put("name", name + " (n=" + String.format(java.util.Locale.ROOT, "%,d", count) + ")");
        line.put("count", count);
        line.put("run", run);
        line.put("dashed", dashed);
        ArrayNode points = line.putArray("points");
        double lastX = 0;
        for (HistogramIterationValue value : measured.histogram().percentiles(PERCENTILE_TICKS_PER_HALF_DISTANCE)) {
            double percentile = value.getPercentileLevelIteratedTo();
            if (percentile >= 100.0) {
                break; // 1/(1-p) is infinite at the maximum
            }
            double x = 100.0 / (100.0 - percentile);
            if (x > count) {
                break; // beyond the resolution of n values: the rest of the line would be drawn from one value
            }
            if (x <= lastX) {
                continue;
            }
            lastX = x;
            ObjectNode point = points.addObject();
            point.put("x", round(x));
            point.put("y", round(measured.histogram().highestEquivalentValue(value.getValueIteratedTo()) / 1000.0));
        }
    }

    private interface Value {
        Double of(SavedRun run, String category);
    }

    private static void bars(ArrayNode charts, String kind, String title, String unit, List<SavedRun> runs,
                             List<String> categories, Value value) {
        bars(charts, kind, title, unit, runs, categories, value, null);
    }

    /** @param error the half-width of each value's interval, or null for bars without one */
    private static void bars(ArrayNode charts, String kind, String title, String unit, List<SavedRun> runs,
                             List<String> categories, Value value, Value error) {
        ObjectNode chart = charts.addObject();
        chart.put("id", "chart-" + charts.size());
        chart.put("kind", "bars");
        chart.put("title", title);
        chart.put("yLabel", unit);
        ArrayNode labels = chart.putArray("labels");
        categories.forEach(labels::add);
        ArrayNode series = chart.putArray("series");
        for (int i = 0; i < runs.size(); i++) {
            ObjectNode bar = series.addObject();
            bar.put("name", PlanCheck.letter(i));
            bar.put("run", i);
            ArrayNode values = bar.putArray("values");
            for (String category : categories) {
                add(values, value.of(runs.get(i), category));
            }
            if (error != null) {
                ArrayNode errors = bar.putArray("errors");
                categories.forEach(category -> add(errors, error.of(runs.get(bar.get("run").asInt()), category)));
            }
        }
    }

    private static void add(ArrayNode array, Double value) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            array.addNull();
        } else {
            array.add(round(value));
        }
    }

    /** JMH scores of benchmarks that are not batch-size sweeps, one bar chart per unit. */
    private static void jmhBars(ArrayNode charts, List<SavedRun> runs) {
        Map<String, Map<String, String>> labelsByUnit = new TreeMap<>(); // unit -> key -> label
        for (SavedRun run : runs) {
            for (JmhBenchmark benchmark : run.jmh()) {
                if (batchParam(benchmark) == null) {
                    String label = benchmark.shortName() + (benchmark.params().isEmpty() ? "" : " " + benchmark.paramsText());
                    labelsByUnit.computeIfAbsent(benchmark.primary().unit(), k -> new LinkedHashMap<>()).putIfAbsent(benchmark.key(), label);
                }
            }
        }
        labelsByUnit.forEach((unit, labels) -> {
            List<String> keys = List.copyOf(labels.keySet());
            int first = charts.size();
            bars(charts, "jmh", "JMH scores (" + unit + ") with 99.9% error bars", unit, runs, keys,
                    (run, key) -> primary(run, key).map(JmhBenchmark.Metric::score).orElse(null),
                    (run, key) -> primary(run, key).filter(JmhBenchmark.Metric::hasError)
                            .map(JmhBenchmark.Metric::scoreError).orElse(null));
            ArrayNode labelArray = ((ObjectNode) charts.get(first)).putArray("labels");
            labels.values().forEach(labelArray::add);
        });
    }

    private static Optional<JmhBenchmark.Metric> primary(SavedRun run, String key) {
        return run.jmh().stream().filter(b -> b.key().equals(key)).map(JmhBenchmark::primary).findFirst();
    }

    private static void batchCurves(ArrayNode charts, List<SavedRun> runs) {
        // curve identity: benchmark, mode, the other params and the metric; x is batchSize
        Map<String, Map<Integer, TreeMap<Double, JmhBenchmark.Metric>>> curves = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        Map<String, String> xLabels = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            for (JmhBenchmark benchmark : runs.get(i).jmh()) {
                String batchParam = batchParam(benchmark);
                if (batchParam == null) {
                    continue;
                }
                double batchSize = parse(benchmark.params().get(batchParam));
                Map<String, String> others = new TreeMap<>(benchmark.params());
                others.remove(batchParam);
                String base = benchmark.shortName() + (others.isEmpty() ? "" : " " + others) + " (" + benchmark.mode() + ")";
                xLabels.putIfAbsent(base, batchParam);
                addPoint(curves, units, base, i, batchSize, benchmark.primary());
                for (Map.Entry<String, JmhBenchmark.Metric> secondary : benchmark.secondary().entrySet()) {
                    addPoint(curves, units, base + " · " + secondary.getKey(), i, batchSize, secondary.getValue());
                    xLabels.putIfAbsent(base + " · " + secondary.getKey(), batchParam);
                }
            }
        }
        for (Map.Entry<String, Map<Integer, TreeMap<Double, JmhBenchmark.Metric>>> curve : curves.entrySet()) {
            ObjectNode chart = charts.addObject();
            chart.put("id", "chart-" + charts.size());
            chart.put("kind", "batch");
            chart.put("title", curve.getKey() + " by batch size, with 99.9% error bars");
            chart.put("yLabel", units.get(curve.getKey()));
            chart.put("xLabel", xLabels.get(curve.getKey()));
            ArrayNode series = chart.putArray("series");
            curve.getValue().forEach((run, points) -> {
                ObjectNode line = series.addObject();
                line.put("name", PlanCheck.letter(run));
                line.put("run", run);
                line.put("dashed", false);
                ArrayNode array = line.putArray("points");
                points.forEach((x, metric) -> {
                    ObjectNode point = array.addObject().put("x", round(x)).put("y", round(metric.score()));
                    if (metric.hasError()) {
                        point.put("error", round(metric.scoreError()));
                    } else {
                        point.putNull("error");
                    }
                });
            });
        }
    }

    private static void addPoint(Map<String, Map<Integer, TreeMap<Double, JmhBenchmark.Metric>>> curves, Map<String, String> units,
                                 String curve, int run, double batchSize, JmhBenchmark.Metric metric) {
        curves.computeIfAbsent(curve, k -> new TreeMap<>()).computeIfAbsent(run, k -> new TreeMap<>()).put(batchSize, metric);
        units.putIfAbsent(curve, metric.unit());
    }

    /** The benchmark's batch-size parameter, or null when it is not swept over one. */
    static String batchParam(JmhBenchmark benchmark) {
        for (Map.Entry<String, String> param : benchmark.params().entrySet()) {
            String name = param.getKey().toLowerCase(java.util.Locale.ROOT);
            if ((name.contains("batch") || name.contains("pipeline")) && parse(param.getValue()) != null) {
                return param.getKey();
            }
        }
        return null;
    }

    private static Double parse(String number) {
        if (number == null) {
            return null;
        }
        try {
            return Double.valueOf(number.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Six significant digits: enough for a chart, and the page stays small and stable. */
    private static BigDecimal round(double value) {
        return new BigDecimal(value).round(SIX_DIGITS).stripTrailingZeros();
    }
}
