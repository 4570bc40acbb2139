package io.loadbench.datastores.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Properties;

/**
 * A process told apart from any later process that reuses its pid: the pid plus its start time. On Linux the
 * start time is field 22 of {@code /proc/<pid>/stat} (clock ticks since boot: exact, and the same whoever reads it);
 * elsewhere {@link ProcessHandle.Info#startInstant()}, compared to the second. Stored in a workspace's files as
 * {@code <prefix>pid}, {@code <prefix>startTicks} and {@code <prefix>startedAt}.
 *
 * @param pid        process id
 * @param startTicks start time in clock ticks since boot, or -1 when unknown (no {@code /proc})
 * @param startedAt  start time as an instant, or null when unknown
 */
record ProcessIdentity(long pid, long startTicks, Instant startedAt) {

    /** The identity startInstant comparisons allow: two reads of one process's start may differ by a tick's rounding. */
    private static final Duration INSTANT_TOLERANCE = Duration.ofSeconds(1);

    /** The running process {@code pid}, or empty when no such process runs. */
    static Optional<ProcessIdentity> ofRunning(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isEmpty()) {
            return Optional.empty();
        }
        Instant startedAt = handle.get().info().startInstant().orElse(null);
        return Optional.of(new ProcessIdentity(pid, startTicks(pid), startedAt));
    }

    /** This JVM. */
    static ProcessIdentity current() {
        return ofRunning(ProcessHandle.current().pid()).orElseThrow();
    }

    /** The identity stored under {@code prefix}, or empty when the pid is missing or unreadable. */
    static Optional<ProcessIdentity> read(Properties properties, String prefix) {
        try {
            long pid = Long.parseLong(properties.getProperty(prefix + "pid", "").trim());
            long ticks = Long.parseLong(properties.getProperty(prefix + "startTicks", "-1").trim());
            String instant = properties.getProperty(prefix + "startedAt");
            return Optional.of(new ProcessIdentity(pid, ticks, instant == null ? null : Instant.parse(instant.trim())));
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    void write(Properties properties, String prefix) {
        properties.setProperty(prefix + "pid", Long.toString(pid));
        properties.setProperty(prefix + "startTicks", Long.toString(startTicks));
        if (startedAt != null) {
            properties.setProperty(prefix + "startedAt", startedAt.toString());
        }
    }

    /**
     * Whether {@code running} is this very process: same pid and same start time. Unknown start times never
     * match, so a caller that must be sure (before sending a signal) gets {@code false}.
     */
    boolean sameAs(ProcessIdentity running) {
        if (running.pid != pid) {
            return false;
        }
        if (startTicks >= 0 && running.startTicks >= 0) {
            return startTicks == running.startTicks;
        }
        if (startedAt != null && running.startedAt != null) {
            return Duration.between(startedAt, running.startedAt).abs().compareTo(INSTANT_TOLERANCE) <= 0;
        }
        return false;
    }

    /** Whether the start times of both are known, so {@link #sameAs} can tell a reused pid apart. */
    boolean comparableWith(ProcessIdentity running) {
        return (startTicks >= 0 && running.startTicks >= 0) || (startedAt != null && running.startedAt != null);
    }

    /** Field 22 of {@code /proc/<pid>/stat}, or -1 without {@code /proc} or when the process is gone. */
    static long startTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            // field 2 is the command name in parentheses and may itself contain spaces and ')': fields 3.. follow the last ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" +");
            return Long.parseLong(fields[22 - 3]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The working directory of a running process ({@code /proc/<pid>/cwd}), or empty when it cannot be read. */
    static Optional<Path> workingDirectory(long pid) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd")));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "pid " + pid + (startTicks >= 0 ? " (start tick " + startTicks + ")" : "");
    }
}
