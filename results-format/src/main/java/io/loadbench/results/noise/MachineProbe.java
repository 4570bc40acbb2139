package io.loadbench.results.noise;

import java.util.Collection;
import java.util.function.Supplier;

/**
 * Reads the machine's cumulative CPU counters for the {@link NoiseSampler}. Obligations of an implementation:
 * <ul>
 *   <li>counters only grow (the sampler works on the differences of consecutive readings);</li>
 *   <li>a reading is cheap (it happens every second during a measurement) and returns promptly;</li>
 *   <li>it is called from one thread at a time (the sampler's), so it may keep state between readings;</li>
 *   <li>a reading it cannot take throws; the sampler skips that second.</li>
 * </ul>
 */
public interface MachineProbe {

    /** The counters now. */
    MachineReading read();

    /**
     * Counts the processes {@code pids} names, with their descendants, as the run's own CPU from the next reading:
     * servers the run started that left its process tree ({@code pg_ctl} daemonizes the postmaster). The supplier is
     * asked at every reading, so it may name servers that start later; it is called on the sampler's thread and must
     * be cheap and never block. May be called from any thread. A probe that does not tell processes apart ignores it.
     */
    default void countAsOwn(Supplier<? extends Collection<Long>> pids) {
    }
}
