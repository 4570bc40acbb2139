package io.loadbench.results.noise;

import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.CentralProcessor.TickType;
import oshi.software.common.os.linux.LinuxOperatingSystem;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;
import oshi.util.driver.linux.proc.ProcessStat;
import oshi.util.driver.linux.proc.ProcessStat.PidStat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The machine's counters through OSHI: system CPU ticks by state ({@link CentralProcessor#getSystemCpuLoadTicks()},
 * steal included), the load average, and the CPU time of this JVM's process tree.
 *
 * <p>The tree is this process and its descendants (the embedded PostgreSQL and Redis, their backends), found with
 * {@link OperatingSystem#getDescendantProcesses} every {@link #DISCOVERY_EVERY_READINGS} readings: listing every
 * process costs about 10 ms, reading a known one well under 1 ms. On Linux each process counts its own time plus
 * that of its children it has reaped ({@code cutime}/{@code cstime}, which OSHI's {@link ProcessStat} reads), so a
 * short-lived child such as {@code initdb} is counted once it exits, and one that is reaped between two readings
 * moves from the child's counter into its parent's without being counted twice. A process started since the last
 * discovery is counted from the reading that finds it (its CPU until then shows as foreign). Elsewhere only live
 * processes count.
 */
public final class OshiMachineProbe implements MachineProbe {

    /** Readings between two discoveries of the process tree (5 s at one reading a second). */
    static final int DISCOVERY_EVERY_READINGS = 5;

    private final CentralProcessor processor;
    private final OperatingSystem os;
    private final int selfPid;
    private final long jiffiesPerSecond;
    private List<Integer> tree = List.of();
    private int readingsSinceDiscovery = DISCOVERY_EVERY_READINGS;

    public OshiMachineProbe() {
        SystemInfo system = new SystemInfo();
        this.processor = system.getHardware().getProcessor();
        this.os = system.getOperatingSystem();
        this.selfPid = os.getProcessId();
        this.jiffiesPerSecond = os instanceof LinuxOperatingSystem linux ? linux.getHz() : 0;
    }

    @Override
    public MachineReading read() {
        long[] ticks = processor.getSystemCpuLoadTicks();
        long busy = ticks[TickType.USER.getIndex()] + ticks[TickType.NICE.getIndex()] + ticks[TickType.SYSTEM.getIndex()]
                + ticks[TickType.IRQ.getIndex()] + ticks[TickType.SOFTIRQ.getIndex()];
        long total = 0;
        for (long tick : ticks) {
            total += tick;
        }
        double[] load = processor.getSystemLoadAverage(1);
        return new MachineReading(busy, ticks[TickType.STEAL.getIndex()], total, ownCpuMs(), load[0],
                processor.getLogicalProcessorCount());
    }

    private long ownCpuMs() {
        if (++readingsSinceDiscovery >= DISCOVERY_EVERY_READINGS) {
            List<Integer> found = new ArrayList<>();
            found.add(selfPid);
            for (OSProcess descendant : os.getDescendantProcesses(selfPid, null, null, 0)) {
                found.add(descendant.getProcessID());
            }
            tree = List.copyOf(found);
            readingsSinceDiscovery = 0;
        }
        long ms = 0;
        for (int pid : tree) {
            ms += jiffiesPerSecond > 0 ? linuxTreeCpuMs(pid) : liveCpuMs(pid);
        }
        return ms;
    }

    /** The process's own CPU and that of its reaped children; 0 once it is gone (its parent has reaped it). */
    private long linuxTreeCpuMs(int pid) {
        var read = ProcessStat.getPidStats(pid);
        Map<PidStat, Long> stat = read == null ? null : read.getC();
        if (stat == null || stat.isEmpty()) {
            return 0;
        }
        long jiffies = stat.getOrDefault(PidStat.UTIME, 0L) + stat.getOrDefault(PidStat.STIME, 0L)
                + stat.getOrDefault(PidStat.CUTIME, 0L) + stat.getOrDefault(PidStat.CSTIME, 0L);
        return jiffies * 1000 / jiffiesPerSecond;
    }

    private long liveCpuMs(int pid) {
        OSProcess process = os.getProcess(pid);
        return process == null ? 0 : process.getUserTime() + process.getKernelTime();
    }
}
