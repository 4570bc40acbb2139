package io.loadbench.results.noise;

import java.util.Optional;

/**
 * The noise of the time between two consecutive readings.
 *
 * @param stealPercent            stolen CPU time, in percent of the machine's CPU time
 * @param foreignCpuPercentOfCore the machine's busy CPU minus this process tree's, in percent of one core; never
 *                                negative
 * @param loadAverage1m           the load average at the later reading; NaN when the platform has none
 */
record NoiseInterval(double stealPercent, double foreignCpuPercentOfCore, double loadAverage1m) {

    /**
     * The interval from {@code earlier} to {@code later}; empty when no CPU time passed between them. The elapsed
     * time is read from the CPU counters themselves (total CPU time over the logical cores), so busy, stolen and own
     * time are all divided by the same clock.
     */
    static Optional<NoiseInterval> between(MachineReading earlier, MachineReading later) {
        long totalMs = later.totalCpuMs() - earlier.totalCpuMs();
        if (totalMs <= 0) {
            return Optional.empty();
        }
        double elapsedMs = totalMs / (double) later.logicalCores();
        double stealPercent = 100.0 * Math.max(0, later.stealCpuMs() - earlier.stealCpuMs()) / totalMs;
        double busyCores = Math.max(0, later.busyCpuMs() - earlier.busyCpuMs()) / elapsedMs;
        // a process of the tree that vanished unreaped takes its time with it: the tree's time never runs backwards
        double ownCores = Math.max(0, later.ownCpuMs() - earlier.ownCpuMs()) / elapsedMs;
        double load = later.loadAverage1m() < 0 ? Double.NaN : later.loadAverage1m();
        return Optional.of(new NoiseInterval(stealPercent, 100.0 * Math.max(0, busyCores - ownCores), load));
    }
}
