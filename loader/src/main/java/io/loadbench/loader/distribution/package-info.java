/**
 * Sampling distributions the seeds describe, all driven by a caller-supplied
 * {@link io.loadbench.loader.random.RowRandom} so that a sample is a pure function of the stream's seed:
 * weighted categorical choice (Vose's alias method), the 80/20 Pareto rule over a finite population, Zipf,
 * bounded power-law sizes, exponential decay of ages, and a weekly time profile (time-of-day weights ×
 * weekday/weekend factors). Instances are immutable and safe to share between workers.
 */
package io.loadbench.loader.distribution;
