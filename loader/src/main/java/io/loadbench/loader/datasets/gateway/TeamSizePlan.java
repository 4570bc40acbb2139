package io.loadbench.loader.datasets.gateway;

import io.loadbench.loader.table.Apportionment;

/**
 * The sizes of the additional teams: a discrete power law {@code P(size = k) ∝ k^-alpha} on
 * {@code [min, max]} ("few large, many small"), with {@code alpha} solved so the mean is the configured
 * members-per-team average, and the number of teams of each size fixed <em>exactly</em> (largest remainder,
 * then the few units of rounding moved between sizes so the member total is exactly
 * {@code round(teams × average)}).
 *
 * <p>Teams are ranked by size class (largest first); rank {@code r} maps to a team through
 * {@link AffinePermutation}, so big teams are scattered over owners. Because the plan is exact and tiny
 * ({@code max} classes), {@code plan} prints exact counts without generating anything, a member row is
 * located by a binary search over {@code max} prefix sums, and {@code verify} compares the loaded size
 * histogram with the plan exactly.
 */
public final class TeamSizePlan {

    private final int min;
    private final int max;
    private final double alpha;
    /** teams[k - min]: additional teams with exactly k members, k from max down in rank order. */
    private final long[] teamsOfSize;
    /** By rank order (largest size first): first team rank and first member offset of each class. */
    private final long[] teamStart;
    private final long[] memberStart;

    public TeamSizePlan(long teams, int min, int max, double averageSize) {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("team sizes must satisfy 1 <= min <= max, got " + min + ".." + max);
        }
        if (averageSize < min || averageSize > max) {
            throw new IllegalArgumentException("average team size " + averageSize + " is outside [" + min + ", " + max + "]");
        }
        this.min = min;
        this.max = max;
        this.alpha = min == max ? 0 : solveAlpha(min, max, averageSize);
        int classes = max - min + 1;
        double[] weights = new double[classes];
        for (int k = min; k <= max; k++) {
            weights[k - min] = Math.pow(k, -alpha);
        }
        long[] counts = teams == 0 ? new long[classes] : Apportionment.split(teams, weights);
        long target = Math.round(teams * averageSize);
        long total = 0;
        for (int k = min; k <= max; k++) {
            total += counts[k - min] * k;
        }
        // move single teams between sizes until the member total is exact (a few hundred moves at most)
        long difference = target - total;
        while (difference != 0 && teams > 0) {
            if (difference > 0) {
                int from = smallestNonEmpty(counts, max - 1);
                int to = (int) Math.min(max, from + difference);
                counts[from - min]--;
                counts[to - min]++;
                difference -= to - from;
            } else {
                int from = largestNonEmpty(counts, min + 1);
                int to = (int) Math.max(min, from + difference);
                counts[from - min]--;
                counts[to - min]++;
                difference += from - to;
            }
        }
        this.teamsOfSize = counts;
        this.teamStart = new long[classes + 1];
        this.memberStart = new long[classes + 1];
        for (int c = 0; c < classes; c++) {
            int size = max - c;
            teamStart[c + 1] = teamStart[c] + counts[size - min];
            memberStart[c + 1] = memberStart[c] + counts[size - min] * size;
        }
    }

    private int smallestNonEmpty(long[] counts, int upTo) {
        for (int k = min; k <= upTo; k++) {
            if (counts[k - min] > 0) {
                return k;
            }
        }
        throw new IllegalStateException("cannot grow teams: every team already has the maximum size");
    }

    private int largestNonEmpty(long[] counts, int downTo) {
        for (int k = max; k >= downTo; k--) {
            if (counts[k - min] > 0) {
                return k;
            }
        }
        throw new IllegalStateException("cannot shrink teams: every team already has the minimum size");
    }

    /** The exponent whose truncated discrete power law has the given mean (bisection; the mean falls as alpha grows). */
    static double solveAlpha(int min, int max, double mean) {
        double low = -10;
        double high = 20;
        for (int i = 0; i < 200; i++) {
            double mid = (low + high) / 2;
            if (mean(min, max, mid) > mean) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return (low + high) / 2;
    }

    static double mean(int min, int max, double alpha) {
        double weight = 0;
        double weighted = 0;
        for (int k = min; k <= max; k++) {
            double w = Math.pow(k, -alpha);
            weight += w;
            weighted += w * k;
        }
        return weighted / weight;
    }

    public double alpha() {
        return alpha;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    /** Additional teams with exactly {@code size} members. */
    public long teamsOfSize(int size) {
        return size < min || size > max ? 0 : teamsOfSize[size - min];
    }

    /** Members of all additional teams. */
    public long members() {
        return memberStart[memberStart.length - 1];
    }

    /** Additional teams whose size lies in {@code [from, to]}. */
    public long teamsSized(int from, int to) {
        long n = 0;
        for (int k = Math.max(from, min); k <= Math.min(to, max); k++) {
            n += teamsOfSize[k - min];
        }
        return n;
    }

    /** The size of the team of rank {@code rank} (rank 0 the largest). */
    public int sizeOfRank(long rank) {
        return max - Apportionment.blockOf(teamStart, rank);
    }

    /**
     * Locates member {@code offset} (0-based over all additional-team members): writes the team's rank to
     * {@code out[0]} and the member's position within the team (0 = the owner) to {@code out[1]}.
     */
    public void locateMember(long offset, long[] out) {
        int c = Apportionment.blockOf(memberStart, offset);
        int size = max - c;
        long within = offset - memberStart[c];
        out[0] = teamStart[c] + within / size;
        out[1] = within % size;
    }
}
