package io.loadbench.results.noise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A shell busy loop that keeps one core busy, for tests of the noise measurement; close it in a {@code finally}
 * (or try-with-resources) and bound the test with {@code @Timeout}.
 *
 * <p>{@link #outsideThisProcessTree()} starts it in its own session ({@code setsid -f}), so it is not a descendant
 * of this JVM and counts as another process's CPU, as a neighbour's job would; {@link #child()} starts it as a child,
 * which counts as this run's own CPU, as an embedded server does. Either is found again by a marker in its command
 * line and killed on close.
 */
public final class CpuHog implements AutoCloseable {

    private final String marker = "loadbench-cpu-hog-" + UUID.randomUUID();

    private CpuHog(boolean detached) {
        List<String> command = detached
                ? List.of("setsid", "-f", "sh", "-c", "while :; do :; done", marker)
                : List.of("sh", "-c", "while :; do :; done", marker);
        try {
            Process started = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (detached && !started.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("setsid -f did not return within 10 s");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the CPU hog " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the CPU hog", e);
        }
    }

    /** A busy loop in its own session: not this JVM's descendant. */
    public static CpuHog outsideThisProcessTree() {
        return new CpuHog(true);
    }

    /** A busy loop started as this JVM's child. */
    public static CpuHog child() {
        return new CpuHog(false);
    }

    /** True while the busy loop runs. */
    public boolean running() {
        return ProcessHandle.allProcesses().anyMatch(this::isHog);
    }

    @Override
    public void close() {
        ProcessHandle.allProcesses().filter(this::isHog).forEach(hog -> {
            hog.destroyForcibly();
            try {
                hog.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the CPU hog " + hog.pid() + " did not exit within 10 s", e);
            }
        });
    }

    private boolean isHog(ProcessHandle process) {
        return process.info().arguments().map(arguments -> List.of(arguments).contains(marker)).orElse(false);
    }
}
