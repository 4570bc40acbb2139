package io.loadbench.results;

/**
 * How a run ended; RUNNING while it runs, and forever if the process died before finishing. A run whose owner judged
 * it a success is OK, or NOISY when the machine's noise during the run exceeded the thresholds
 * ({@link io.loadbench.results.noise.NoiseThresholds}): its figures stand, but were measured on a busy machine.
 * FAILED wins over NOISY.
 */
public enum RunStatus {
    RUNNING,
    OK,
    NOISY,
    FAILED;

    /** True for OK and NOISY: the run did what it was asked and its owner said so. */
    public boolean succeeded() {
        return this == OK || this == NOISY;
    }
}
