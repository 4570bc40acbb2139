package io.loadbench.report.read;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One element of JMH's JSON result array: a benchmark method at one point of its {@code @Param} space.
 *
 * @param benchmark fully qualified method name, e.g. {@code io.loadbench.benchmarks.CopyBenchmark.copyBinary}
 * @param jvmArgs the forked JVMs' arguments (JMH's {@code -jvmArgs*}), in order
 * @param mode JMH's short mode name ({@code thrpt}, {@code avgt}, {@code sample}, {@code ss})
 * @param params the {@code @Param} values, sorted by name (empty when the benchmark has none)
 * @param primary the primary metric
 * @param secondary secondary metrics (e.g. {@code @AuxCounters}) by name, sorted
 */
public record JmhBenchmark(
        String benchmark,
        String mode,
        int threads,
        int forks,
        String jdkVersion,
        String vmName,
        String vmVersion,
        String jmhVersion,
        List<String> jvmArgs,
        Map<String, String> params,
        Metric primary,
        Map<String, Metric> secondary) {

    public JmhBenchmark {
        jvmArgs = List.copyOf(jvmArgs);
        params = new TreeMap<>(params);
        secondary = new TreeMap<>(secondary);
    }

    /**
     * A JMH score.
     *
     * @param scoreError half-width of the 99.9% confidence interval; NaN when JMH could not compute it
     *                   (a single iteration or fork)
     */
    public record Metric(double score, double scoreError, String unit) {

        /** An error above this share of the score makes the score too uncertain to compare as it is. */
        public static final double WIDE_ERROR_SHARE = 0.20;

        /** Whether the error is known; without it no difference can be called significant. */
        public boolean hasError() {
            return !Double.isNaN(scoreError) && !Double.isInfinite(scoreError);
        }

        /**
         * Whether the 99.9% error exceeds {@link #WIDE_ERROR_SHARE} of the score: the interval is so wide that the
         * score says little (too few iterations, a score still climbing, a noisy machine).
         */
        public boolean hasWideError() {
            return hasError() && scoreError > WIDE_ERROR_SHARE * Math.abs(score);
        }

        /** Whether the two confidence intervals are disjoint (only defined when both errors are known). */
        public boolean differsSignificantlyFrom(Metric other) {
            if (!hasError() || !other.hasError()) {
                return false;
            }
            return score + scoreError < other.score - other.scoreError
                    || other.score + other.scoreError < score - scoreError;
        }
    }

    /** {@code Class.method}, the part of the name a reader scans for. */
    public String shortName() {
        int method = benchmark.lastIndexOf('.');
        int type = method <= 0 ? -1 : benchmark.lastIndexOf('.', method - 1);
        return benchmark.substring(type + 1);
    }

    /** The params as {@code a=1, b=x}, or empty. */
    public String paramsText() {
        StringBuilder out = new StringBuilder();
        params.forEach((name, value) -> out.append(out.length() == 0 ? "" : ", ").append(name).append('=').append(value));
        return out.toString();
    }

    /** Identifies the same measurement across runs: method, mode and params. */
    public String key() {
        return benchmark + " " + mode + " " + params;
    }
}
