package io.loadbench.results.noise;

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
}
