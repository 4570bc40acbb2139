package io.loadbench.loader.distribution;

import io.loadbench.loader.random.RowRandom;

/**
 * Sizes following a bounded power law (truncated Pareto) on {@code [min, max]}: density ∝ {@code x^-alpha}.
 * "Few large, many small": team sizes, files, payloads. Sampled by inverting the continuous CDF and flooring,
 * so a sample is an integer in {@code [min, max]}.
 */
public final class PowerLaw {

    private final long min;
    private final long max;
    private final double alpha;
    private final double lowTerm;
    private final double highTerm;

    /**
     * @param min   smallest size, at least 1
     * @param max   largest size, at least {@code min}
     * @param alpha exponent of the density, positive and not 1 (around 2 gives "80% small, 5% large")
     */
    public PowerLaw(long min, long max, double alpha) {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("need 1 <= min <= max, got min=" + min + " max=" + max);
        }
        if (!(alpha > 0) || alpha == 1.0) {
            throw new IllegalArgumentException("alpha must be positive and not 1: " + alpha);
        }
        this.min = min;
        this.max = max;
        this.alpha = alpha;
        this.lowTerm = Math.pow(min, 1 - alpha);
        this.highTerm = Math.pow(max + 1.0, 1 - alpha);
    }

    /** A size in {@code [min, max]}. */
    public long sample(RowRandom random) {
        double u = random.nextDouble();
        double x = Math.pow(lowTerm + u * (highTerm - lowTerm), 1.0 / (1 - alpha));
        long size = (long) Math.floor(x);
        return Math.max(min, Math.min(max, size));
    }

    /** {@code P(sample <= size)}, exact for this discretisation. */
    public double cdf(long size) {
        if (size < min) {
            return 0;
        }
        if (size >= max) {
            return 1;
        }
        return (Math.pow(size + 1.0, 1 - alpha) - lowTerm) / (highTerm - lowTerm);
    }

    public long min() {
        return min;
    }

    public long max() {
        return max;
    }

    public double alpha() {
        return alpha;
    }
}
