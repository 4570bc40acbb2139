package io.loadbench.loader.distribution;

import io.loadbench.loader.random.RowRandom;

/**
 * Ranks {@code 0 .. n-1} of a finite population in which the top {@code topFraction} of ranks receive
 * exactly {@code share} of all samples (the events seed's "20% of users create 80% of events").
 *
 * <p>Activity follows a Zipf–Mandelbrot law, weight of rank r ∝ {@code (r + c)^-s}, strictly decreasing,
 * with the offset {@code c = max(1, n/200)} flattening the head and the exponent {@code s} solved by
 * bisection so the 80/20 split is exact. Unlike the self-similar {@link ParetoRanks}, whose head grows
 * without bound (for 10,000 users its top user alone would take 28% of all events), the most active of
 * 10,000 users here takes about 0.6%. Because weights decrease with rank, "the top 20% by observed count"
 * and "the top 20% by design" coincide up to sampling noise, which is what a SQL check can measure.
 * Sampling is O(1) with an alias table of n entries.
 */
public final class TopShareRanks {

    private final int populationSize;
    private final int topCount;
    private final double share;
    private final double exponent;
    private final WeightedChoice<Integer> ranks;

    public TopShareRanks(int populationSize, double topFraction, double share) {
        if (populationSize < 2) {
            throw new IllegalArgumentException("population size must be at least 2: " + populationSize);
        }
        if (!(topFraction > 0 && topFraction < 1) || !(share > topFraction && share < 1)) {
            throw new IllegalArgumentException("need 0 < topFraction < share < 1");
        }
        this.populationSize = populationSize;
        this.topCount = Math.max(1, Math.min(populationSize - 1, (int) Math.round(populationSize * topFraction)));
        this.share = share;
        double offset = Math.max(1.0, populationSize / 200.0);
        double lo = 0.0;
        double hi = 16.0;
        for (int i = 0; i < 48; i++) {
            double mid = (lo + hi) / 2;
            if (topShare(mid, offset) < share) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        this.exponent = (lo + hi) / 2;
        double[] weights = new double[populationSize];
        for (int r = 0; r < populationSize; r++) {
            weights[r] = Math.pow(r + offset, -exponent);
        }
        this.ranks = WeightedChoice.ofWeights(weights);
    }

    private double topShare(double s, double offset) {
        double top = 0;
        double all = 0;
        for (int r = 0; r < populationSize; r++) {
            double w = Math.pow(r + offset, -s);
            all += w;
            if (r < topCount) {
                top += w;
            }
        }
        return top / all;
    }

    /** The events seed's rule over {@code n} users. */
    public static TopShareRanks eightyTwenty(int populationSize) {
        return new TopShareRanks(populationSize, 0.2, 0.8);
    }

    /** A rank in {@code [0, n)}, 0 the most active. */
    public int sample(RowRandom random) {
        return ranks.sampleIndex(random);
    }

    /** Exact probability of rank {@code r}. */
    public double probability(int rank) {
        return ranks.probability(rank);
    }

    public int populationSize() {
        return populationSize;
    }

    /** How many ranks form the top tier. */
    public int topCount() {
        return topCount;
    }

    public double share() {
        return share;
    }

    /** The solved exponent s. */
    public double exponent() {
        return exponent;
    }
}
