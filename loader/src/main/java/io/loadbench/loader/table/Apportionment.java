package io.loadbench.loader.table;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Splits an integer total into parts proportional to weights, exactly (the parts sum to the total), by the
 * largest-remainder method: every part is the floor or the ceiling of its exact share, and the leftover
 * units go to the largest fractional remainders (ties to the lower index). Deterministic: no randomness.
 *
 * <p>Used wherever a dataset lays rows out in blocks whose sizes must add up exactly (events per
 * organisation, per type, per hour), so that row <i>i</i> can be located by a prefix sum rather than by
 * remembering earlier rows.
 */
public final class Apportionment {

    private Apportionment() {
    }

    /** Parts of {@code total} proportional to {@code weights} (non-negative, not all zero). */
    public static long[] split(long total, double[] weights) {
        if (total < 0) {
            throw new IllegalArgumentException("total must be >= 0: " + total);
        }
        double sum = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weights must be finite and >= 0: " + Arrays.toString(weights));
            }
            sum += w;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("weights must not all be zero");
        }
        long[] parts = new long[weights.length];
        double[] remainders = new double[weights.length];
        long assigned = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * (weights[i] / sum);
            parts[i] = (long) Math.floor(exact);
            remainders[i] = exact - parts[i];
            assigned += parts[i];
        }
        long left = total - assigned;
        if (left > 0) {
            Integer[] order = IntStream.range(0, weights.length).boxed().toArray(Integer[]::new);
            Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -remainders[i]).thenComparingInt(i -> i));
            for (int k = 0; k < left; k++) {
                parts[order[k % order.length]]++;
            }
        } else if (left < 0) {
            // floating-point excess (only possible for astronomically large totals): take from the largest parts
            for (int k = 0; k < -left; k++) {
                int largest = 0;
                for (int i = 1; i < parts.length; i++) {
                    if (parts[i] > parts[largest]) {
                        largest = i;
                    }
                }
                parts[largest]--;
            }
        }
        return parts;
    }

    /** Prefix sums: {@code result[0] = 0}, {@code result[i + 1] = parts[0] + ... + parts[i]}. */
    public static long[] prefixSums(long[] parts) {
        long[] prefix = new long[parts.length + 1];
        for (int i = 0; i < parts.length; i++) {
            prefix[i + 1] = prefix[i] + parts[i];
        }
        return prefix;
    }

    /** The block holding {@code index}: the largest {@code b} with {@code prefix[b] <= index}, skipping empty blocks. */
    public static int blockOf(long[] prefix, long index) {
        int found = Arrays.binarySearch(prefix, index);
        if (found >= 0) {
            // several empty blocks may share this prefix value: the row belongs to the last of them
            while (found + 1 < prefix.length && prefix[found + 1] == index) {
                found++;
            }
            return found;
        }
        return -found - 2;
    }
}
