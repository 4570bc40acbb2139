/**
 * The verdict of a simulation run: a list of typed checks ({@link io.loadbench.scenarios.verdict.VerdictCheck}),
 * each judging the run's {@link io.loadbench.scenarios.verdict.Measurement} (the figures after the warm-up) on
 * one way a run can fail: missed rate or user count, no request completed, too many KOs, dropped requests, an
 * injector stall, a hit ratio below target or disagreeing with Redis INFO, a broken SLO, or a
 * simulation-specific {@link io.loadbench.scenarios.verdict.ExtraCheck}. A run is OK when every check passes.
 *
 * <p>Checks are immutable and hold their thresholds; they do no I/O except an {@code ExtraCheck}, which may read
 * the run's interval logs. Every check has a unit test on the figures that make it pass and fail.
 */
package io.loadbench.scenarios.verdict;
