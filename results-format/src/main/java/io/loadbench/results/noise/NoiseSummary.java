package io.loadbench.results.noise;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * The machine's noise during a run, as {@code manifest.json} records it ({@code noise}): each figure's mean, p95 and
 * max over the run's one-second samples, the thresholds that judged it and the ones it exceeded. A figure with no
 * sample (a run shorter than a sample, a platform without a load average) is null.
 *
 * @param sampleIntervalMs        the time between samples
 * @param samples                 how many intervals were measured
 * @param stealPercent            CPU steal in percent of the machine's CPU time
 * @param foreignCpuPercentOfCore CPU used by processes other than this JVM and the processes it started, in percent of
 *                                one core (100 = a core kept busy)
 * @param loadAverage1m           the one-minute load average
 * @param exceeded                one line per threshold the run exceeded; empty when the run was quiet
 */
@JsonPropertyOrder({"sampleIntervalMs", "samples", "stealPercent", "foreignCpuPercentOfCore", "loadAverage1m", "thresholds",
        "exceeded"})
public record NoiseSummary(long sampleIntervalMs, int samples, Figures stealPercent, Figures foreignCpuPercentOfCore,
                           Figures loadAverage1m, NoiseThresholds thresholds, List<String> exceeded) {

    /** Mean, 95th percentile (nearest rank) and maximum of one figure, rounded to two decimals. */
    @JsonPropertyOrder({"mean", "p95", "max"})
    public record Figures(double mean, double p95, double max) {

        static Figures of(double[] values) {
            double[] sorted = Arrays.stream(values).filter(value -> !Double.isNaN(value)).sorted().toArray();
            if (sorted.length == 0) {
                return null;
            }
            int p95Rank = (int) Math.ceil(0.95 * sorted.length);
            return new Figures(round(Arrays.stream(sorted).average().orElseThrow()), round(sorted[p95Rank - 1]),
                    round(sorted[sorted.length - 1]));
        }

        private static double round(double value) {
            return Math.round(value * 100.0) / 100.0;
        }
    }

    public NoiseSummary {
        Objects.requireNonNull(thresholds, "thresholds");
        exceeded = List.copyOf(exceeded);
    }

    /** Summarises the intervals and judges them against the thresholds. */
    static NoiseSummary of(long sampleIntervalMs, List<NoiseInterval> intervals, NoiseThresholds thresholds) {
        Figures steal = figures(intervals, NoiseInterval::stealPercent);
        Figures foreign = figures(intervals, NoiseInterval::foreignCpuPercentOfCore);
        List<String> exceeded = new ArrayList<>();
        if (steal != null && steal.mean() > thresholds.maxStealMeanPercent()) {
            exceeded.add("CPU steal mean " + percent(steal.mean()) + " > " + percent(thresholds.maxStealMeanPercent()));
        }
        if (foreign != null && foreign.mean() > thresholds.maxForeignCpuMeanPercentOfCore()) {
            exceeded.add("foreign CPU mean " + percent(foreign.mean()) + " of a core > "
                    + percent(thresholds.maxForeignCpuMeanPercentOfCore()));
        }
        return new NoiseSummary(sampleIntervalMs, intervals.size(), steal, foreign,
                figures(intervals, NoiseInterval::loadAverage1m), thresholds, exceeded);
    }

    private static Figures figures(List<NoiseInterval> intervals, ToDoubleFunction<NoiseInterval> figure) {
        return Figures.of(intervals.stream().mapToDouble(figure).toArray());
    }

    /** True when a threshold was exceeded: the run is {@link io.loadbench.results.RunStatus#NOISY} unless it failed. */
    public boolean noisy() {
        return !exceeded.isEmpty();
    }

    /**
     * One line for a console or a report: {@code steal 0.4% (p95 1.2%, max 3.0%), foreign CPU 2.1% of a core (p95 …),
     * load 0.52 (p95 …)}, followed by {@code : NOISY (…)} or {@code : quiet}.
     */
    public String describe() {
        if (samples == 0) {
            return "not measured (the run was shorter than one sample)";
        }
        List<String> parts = new ArrayList<>();
        if (stealPercent != null) {
            parts.add("steal " + percent(stealPercent.mean()) + " (p95 " + percent(stealPercent.p95()) + ", max "
                    + percent(stealPercent.max()) + ")");
        }
        if (foreignCpuPercentOfCore != null) {
            parts.add("foreign CPU " + percent(foreignCpuPercentOfCore.mean()) + " of a core (p95 "
                    + percent(foreignCpuPercentOfCore.p95()) + ", max " + percent(foreignCpuPercentOfCore.max()) + ")");
        }
        if (loadAverage1m != null) {
            parts.add("load " + decimal(loadAverage1m.mean()) + " (p95 " + decimal(loadAverage1m.p95()) + ", max "
                    + decimal(loadAverage1m.max()) + ")");
        }
        return String.join(", ", parts) + " over " + samples + " samples: "
                + (noisy() ? "NOISY (" + String.join("; ", exceeded) + ")" : "quiet");
    }

    private static String percent(double value) {
        return decimal(value) + "%";
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
