package io.loadbench.datastores;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Puts the servers under test and the measuring JVM on disjoint CPUs, so that a benchmark's threads and the
 * server's backends stop taking turns on the same core: on a 2-core machine the embedded servers get CPU 1 and the
 * JVM (and the JMH forks it starts, which inherit its affinity) CPU 0. Only servers loadbench started itself are
 * pinned (an external server, even on this machine, is not ours to touch).
 *
 * <p>Affinity is set with util-linux's {@code taskset -a -p} on every thread of the process: threads started later
 * inherit their creator's affinity, and so do the backends the postmaster forks for each new connection. When
 * isolation cannot be applied (one CPU, no {@code taskset}, not an embedded target, turned off with
 * {@value #PROPERTY}{@code =false}), nothing is changed and the outcome says why; it never fails a run.
 */
public final class CpuIsolation {

    /** System property that turns isolation off ({@code false}); on by default where it can apply. */
    public static final String PROPERTY = "loadbench.cpuIsolation";

    private static final long TASKSET_TIMEOUT_MS = 5_000;

    /** What was done: the CPU lists, or why nothing was. */
    public record Outcome(boolean applied, String serverCpus, String measuringCpus, String reason) {

        /** The manifest's {@code cpuIsolation} entry. */
        public Map<String, Object> describe() {
            Map<String, Object> description = new LinkedHashMap<>();
            description.put("applied", applied);
            if (applied) {
                description.put("serverCpus", serverCpus);
                description.put("measuringJvmCpus", measuringCpus);
            } else {
                description.put("reason", reason);
            }
            return description;
        }
    }

    private CpuIsolation() {
    }

    /** Whether isolation is wanted: on unless {@value #PROPERTY} is {@code false}. */
    public static boolean wanted(String propertyValue) {
        return propertyValue == null || propertyValue.isBlank() || !propertyValue.strip().equalsIgnoreCase("false");
    }

    /**
     * Pins the target's running servers (and their processes) to the upper half of this process's CPUs and this JVM to
     * the lower half. Call it after the servers started (a server started later is not pinned).
     */
    public static Outcome apply(Datastores datastores, boolean wanted) {
        if (!wanted) {
            return off("turned off (-D" + PROPERTY + "=false)");
        }
        if (datastores.kind() != TargetKind.EMBEDDED) {
            return off("the servers are not loadbench's own (" + datastores.kind().name().toLowerCase(java.util.Locale.ROOT) + " target)");
        }
        long self = ProcessHandle.current().pid();
        Optional<List<Integer>> allowed = affinity(self);
        if (allowed.isEmpty()) {
            return off("taskset is not available");
        }
        List<Integer> cpus = allowed.get();
        if (cpus.size() < 2) {
            return off("this process may use one CPU only (" + list(cpus) + ")");
        }
        List<Integer> measuring = cpus.subList(0, cpus.size() / 2);
        List<Integer> servers = cpus.subList(cpus.size() / 2, cpus.size());
        List<Long> serverProcesses = new ArrayList<>();
        for (long pid : datastores.serverPids()) {
            serverProcesses.add(pid);
            ProcessHandle.of(pid).ifPresent(handle -> handle.descendants().forEach(child -> serverProcesses.add(child.pid())));
        }
        if (serverProcesses.isEmpty()) {
            return off("no embedded server is running yet");
        }
        for (long pid : serverProcesses) {
            // a backend that exits meanwhile cannot be pinned and needs no pinning; the servers themselves must be
            if (!pin(pid, servers) && datastores.serverPids().contains(pid)) {
                return off("taskset could not pin server pid " + pid);
            }
        }
        if (!pin(self, measuring)) {
            return off("taskset could not pin this JVM");
        }
        return new Outcome(true, list(servers), list(measuring), null);
    }

    /** The CPUs {@code pid} may run on, as {@code taskset -cp} reports them; empty when taskset cannot say. */
    public static Optional<List<Integer>> affinity(long pid) {
        return taskset("-cp", Long.toString(pid)).flatMap(output -> {
            int colon = output.lastIndexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(parseList(output.substring(colon + 1).strip()));
        });
    }

    /** Sets every thread of {@code pid} to run on {@code cpus} only. */
    public static boolean pin(long pid, List<Integer> cpus) {
        return taskset("-a", "-p", "-c", list(cpus), Long.toString(pid)).isPresent();
    }

    /** {@code 0,2-3} → [0, 2, 3]. */
    static List<Integer> parseList(String cpuList) {
        TreeSet<Integer> cpus = new TreeSet<>();
        for (String part : cpuList.split(",")) {
            String range = part.strip();
            if (range.isEmpty()) {
                continue;
            }
            int dash = range.indexOf('-');
            if (dash < 0) {
                cpus.add(Integer.parseInt(range));
            } else {
                int from = Integer.parseInt(range.substring(0, dash));
                int to = Integer.parseInt(range.substring(dash + 1));
                for (int cpu = from; cpu <= to; cpu++) {
                    cpus.add(cpu);
                }
            }
        }
        return List.copyOf(cpus);
    }

    static String list(List<Integer> cpus) {
        return cpus.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static Outcome off(String reason) {
        return new Outcome(false, null, null, reason);
    }

    /** Runs taskset with a bound; its output when it exits 0. */
    private static Optional<String> taskset(String... args) {
        List<String> command = new ArrayList<>(List.of("taskset"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(TASKSET_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.exitValue() == 0 ? Optional.of(output.lines().reduce((a, b) -> b).orElse("")) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

}
