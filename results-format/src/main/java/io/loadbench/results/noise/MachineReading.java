package io.loadbench.results.noise;

/**
 * One reading of the machine's cumulative counters. CPU times are summed over all logical CPUs, in milliseconds
 * since boot (or any fixed origin): {@code totalCpuMs} grows by about {@code logicalCores} ms each wall-clock ms.
 *
 * @param busyCpuMs     time the CPUs ran anything (user, nice, system, irq, softirq), excluding idle, iowait and steal
 * @param stealCpuMs    time the hypervisor gave this machine's virtual CPUs to someone else
 * @param totalCpuMs    every state together, steal and idle included
 * @param ownCpuMs      CPU time of this JVM and the processes it started (embedded servers), including its
 *                      children that have exited
 * @param loadAverage1m the one-minute load average; negative when the platform has none
 * @param logicalCores  the machine's logical CPUs
 */
public record MachineReading(long busyCpuMs, long stealCpuMs, long totalCpuMs, long ownCpuMs, double loadAverage1m,
                             int logicalCores) {

    public MachineReading {
        if (logicalCores < 1) {
            throw new IllegalArgumentException("logicalCores must be at least 1, got " + logicalCores);
        }
    }
}
