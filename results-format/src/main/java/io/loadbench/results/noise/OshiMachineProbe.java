package io.loadbench.results.noise;

import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.CentralProcessor.TickType;
import oshi.software.common.os.linux.LinuxOperatingSystem;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;
import oshi.util.driver.linux.proc.ProcessStat;
import oshi.util.driver.linux.proc.ProcessStat.PidStat;

import java.io.File;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The machine's counters through OSHI: system CPU ticks by state ({@link CentralProcessor#getSystemCpuLoadTicks()},
 * steal included), the load average, and the CPU time of this run's processes.
 *
 * <p>The run's processes are this JVM, the processes {@link #countAsOwn named} as the run's (the embedded servers:
 * {@code pg_ctl} daemonizes the postmaster out of the JVM's tree), and the descendants of both (the servers'
 * backends, JMH's forks), found again at every reading so that a backend opened a second ago counts from its first
 * second. On Linux one pass over {@code /proc/<pid>/stat} (through OSHI's {@link ProcessStat}) gives every process's
 * parent and CPU time, about 5 ms of CPU for a hundred processes, 0.5% of a core at one reading a second; each
 * process counts its own time plus that of the children it has reaped ({@code cutime}/{@code cstime}), so a
 * short-lived child such as {@code initdb} is counted once it exits, and one reaped between two readings moves from
 * its own counter into its parent's without being counted twice. Elsewhere the tree comes from
 * {@link OperatingSystem#getDescendantProcesses} and only live processes count.
 */
public final class OshiMachineProbe implements MachineProbe {

    private final CentralProcessor processor;
    private final OperatingSystem os;
    private final int selfPid;
    private final long jiffiesPerSecond;
    private final List<Supplier<? extends Collection<Long>>> named = new CopyOnWriteArrayList<>();

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

    @Override
    public void countAsOwn(Supplier<? extends Collection<Long>> pids) {
        named.add(pids);
    }

    private long ownCpuMs() {
        Set<Long> roots = namedPids();
        roots.add((long) selfPid);
        return jiffiesPerSecond > 0 ? linuxTreeCpuMs(roots) : liveTreeCpuMs(roots);
    }

    /** One pass over every process: its parent and its CPU, then the sum over the roots' trees. */
    private long linuxTreeCpuMs(Set<Long> roots) {
        Map<Long, List<Long>> children = new HashMap<>();
        Map<Long, Long> cpuJiffies = new HashMap<>();
        for (File pidFile : ProcessStat.getPidFiles()) {
            long pid = Long.parseLong(pidFile.getName());
            var read = ProcessStat.getPidStats((int) pid);
            Map<PidStat, Long> stat = read == null ? null : read.getC();
            if (stat == null || stat.isEmpty()) {
                continue; // exited since the listing: its parent has its time, or will when it reaps it
            }
            children.computeIfAbsent(stat.getOrDefault(PidStat.PPID, 0L), parent -> new ArrayList<>()).add(pid);
            cpuJiffies.put(pid, stat.getOrDefault(PidStat.UTIME, 0L) + stat.getOrDefault(PidStat.STIME, 0L)
                    + stat.getOrDefault(PidStat.CUTIME, 0L) + stat.getOrDefault(PidStat.CSTIME, 0L));
        }
        long jiffies = 0;
        Set<Long> counted = new HashSet<>();
        Deque<Long> pending = new ArrayDeque<>(roots);
        while (!pending.isEmpty()) {
            long pid = pending.pop();
            if (counted.add(pid)) {
                jiffies += cpuJiffies.getOrDefault(pid, 0L);
                pending.addAll(children.getOrDefault(pid, List.of()));
            }
        }
        return jiffies * 1000 / jiffiesPerSecond;
    }

    private long liveTreeCpuMs(Set<Long> roots) {
        Set<Integer> tree = new HashSet<>();
        for (long root : roots) {
            tree.add((int) root);
            for (OSProcess descendant : os.getDescendantProcesses((int) root, null, null, 0)) {
                tree.add(descendant.getProcessID());
            }
        }
        long ms = 0;
        for (int pid : tree) {
            OSProcess process = os.getProcess(pid);
            ms += process == null ? 0 : process.getUserTime() + process.getKernelTime();
        }
        return ms;
    }

    private Set<Long> namedPids() {
        Set<Long> pids = new TreeSet<>();
        for (Supplier<? extends Collection<Long>> supplier : named) {
            try {
                pids.addAll(supplier.get());
            } catch (RuntimeException e) {
                // a server between its start and its pid file: named again at the next reading
            }
        }
        pids.removeIf(pid -> pid <= 0);
        return pids;
    }
}
