/**
 * Reproducible randomness: one root seed, derived per-table and per-purpose seeds ({@link
 * io.loadbench.loader.random.Seeds}), and a fast stream reseeded per row ({@link
 * io.loadbench.loader.random.RowRandom}) so that row <i>i</i> is a pure function of (seed, <i>i</i>) whatever
 * worker generates it, in whatever order. Both are SplitMix64 (Steele, Lea and Flood, "Fast splittable
 * pseudorandom number generators", OOPSLA 2014), the generator behind {@link java.util.SplittableRandom}.
 */
package io.loadbench.loader.random;
