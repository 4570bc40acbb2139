package io.loadbench.loader.distribution;

import io.loadbench.loader.random.RowRandom;

/**
 * Ranks {@code 0 .. n-1} of a finite population (rank 0 the most active) such that the top
 * {@code topFraction} of ranks receive {@code share} of all samples, the "80/20 rule" of the events seed.
 *
 * <p>A uniform {@code u} is mapped to the rank fraction {@code x = u^a} with {@code a = ln(topFraction) /
 * ln(share)}: then {@code P(x < topFraction) = share} exactly, and the rule is self-similar (for 80/20 the
 * top 4% get 64%, the top 0.8% get 51.2%), which is the Lorenz curve of a Pareto distribution with shape
 * {@code log_4 5 ≈ 1.16}. The inverse mapping has no tail to truncate, so every rank is reachable.
 */
public final class ParetoRanks {

    private final int populationSize;
    private final double exponent;
    private final double topFraction;
    private final double share;

    public ParetoRanks(int populationSize, double topFraction, double share) {
        if (populationSize <= 0) {
            throw new IllegalArgumentException("population size must be positive: " + populationSize);
        }
        if (!(topFraction > 0 && topFraction < 1) || !(share > 0 && share < 1) || share <= topFraction) {
            throw new IllegalArgumentException(
                    "need 0 < topFraction < share < 1, got topFraction=" + topFraction + " share=" + share);
        }
        this.populationSize = populationSize;
        this.topFraction = topFraction;
        this.share = share;
        this.exponent = Math.log(topFraction) / Math.log(share);
    }

    /** The classic rule: 20% of the population produce 80% of the samples. */
    public static ParetoRanks eightyTwenty(int populationSize) {
        return new ParetoRanks(populationSize, 0.2, 0.8);
    }

    /** A rank in {@code [0, n)}, 0 the heaviest. */
    public int sample(RowRandom random) {
        double x = Math.pow(random.nextDouble(), exponent);
        int rank = (int) (x * populationSize);
        return Math.min(rank, populationSize - 1);
    }

    public int populationSize() {
        return populationSize;
    }

    public double topFraction() {
        return topFraction;
    }

    public double share() {
        return share;
    }

    /** The expected share of samples falling on the top {@code fraction} of ranks. */
    public double expectedShareOfTop(double fraction) {
        return Math.pow(fraction, 1.0 / exponent);
    }
}
