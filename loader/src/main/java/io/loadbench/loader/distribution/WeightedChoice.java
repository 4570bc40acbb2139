package io.loadbench.loader.distribution;

import io.loadbench.loader.random.RowRandom;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A categorical distribution over a fixed list of values, sampled in O(1) with Vose's alias method
 * (two random draws per sample whatever the number of values). Weights need not sum to 1.
 *
 * @param <T> value type
 */
public final class WeightedChoice<T> {

    private final List<T> values;
    private final double[] probabilities;
    private final double[] aliasProbability;
    private final int[] alias;

    private WeightedChoice(List<T> values, double[] weights) {
        if (values.isEmpty() || values.size() != weights.length) {
            throw new IllegalArgumentException("need one weight per value and at least one value");
        }
        double total = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weights must be finite and non-negative: " + w);
            }
            total += w;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("at least one weight must be positive");
        }
        int n = weights.length;
        this.values = values instanceof IndexList ? values : java.util.Collections.unmodifiableList(new ArrayList<>(values));
        this.probabilities = new double[n];
        this.aliasProbability = new double[n];
        this.alias = new int[n];
        double[] scaled = new double[n];
        Deque<Integer> small = new ArrayDeque<>();
        Deque<Integer> large = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            probabilities[i] = weights[i] / total;
            scaled[i] = probabilities[i] * n;
            (scaled[i] < 1.0 ? small : large).push(i);
        }
        while (!small.isEmpty() && !large.isEmpty()) {
            int less = small.pop();
            int more = large.pop();
            aliasProbability[less] = scaled[less];
            alias[less] = more;
            scaled[more] = (scaled[more] + scaled[less]) - 1.0;
            (scaled[more] < 1.0 ? small : large).push(more);
        }
        // leftovers are 1 up to rounding error
        while (!large.isEmpty()) {
            aliasProbability[large.pop()] = 1.0;
        }
        while (!small.isEmpty()) {
            aliasProbability[small.pop()] = 1.0;
        }
    }

    /** Values with weights, in the map's iteration order (use a LinkedHashMap or an ordered Map.of-free map). */
    public static <T> WeightedChoice<T> of(Map<T, ? extends Number> weights) {
        List<T> values = new ArrayList<>(weights.size());
        double[] w = new double[weights.size()];
        int i = 0;
        for (Map.Entry<T, ? extends Number> e : weights.entrySet()) {
            values.add(e.getKey());
            w[i++] = e.getValue().doubleValue();
        }
        return new WeightedChoice<>(values, w);
    }

    public static <T> WeightedChoice<T> of(List<T> values, double... weights) {
        return new WeightedChoice<>(values, weights.clone());
    }

    /** All values equally likely. */
    public static <T> WeightedChoice<T> uniform(List<T> values) {
        double[] w = new double[values.size()];
        java.util.Arrays.fill(w, 1.0);
        return new WeightedChoice<>(values, w);
    }

    /** A choice among the indexes {@code 0 .. weights.length-1} (no boxed value list is kept). */
    public static WeightedChoice<Integer> ofWeights(double... weights) {
        @SuppressWarnings("unchecked")
        List<Integer> indexes = (List<Integer>) (List<?>) new IndexList(weights.length);
        return new WeightedChoice<>(indexes, weights.clone());
    }

    /** The list 0, 1, ..., size-1 without storing it. */
    private static final class IndexList extends java.util.AbstractList<Integer> {
        private final int size;

        IndexList(int size) {
            this.size = size;
        }

        @Override
        public Integer get(int index) {
            java.util.Objects.checkIndex(index, size);
            return index;
        }

        @Override
        public int size() {
            return size;
        }
    }

    /** The index of a sampled value. */
    public int sampleIndex(RowRandom random) {
        int column = random.nextInt(alias.length);
        return random.nextDouble() < aliasProbability[column] ? column : alias[column];
    }

    public T sample(RowRandom random) {
        return values.get(sampleIndex(random));
    }

    public List<T> values() {
        return values;
    }

    public int size() {
        return values.size();
    }

    /** Normalised probability of value {@code index}. */
    public double probability(int index) {
        return probabilities[index];
    }

    public T value(int index) {
        return values.get(index);
    }
}
