package io.loadbench.results;

import io.loadbench.results.noise.NoiseSampler;
import io.loadbench.results.noise.NoiseSummary;
import io.loadbench.results.noise.NoiseThresholds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one run lifecycle every entry point uses (loader, benchmarks, simulations, report merge): it creates the run
 * folder {@code <results>/<yyyyMMdd'T'HHmmss'Z'>-<label>-<name>/}, writes {@code manifest.json} at once (status
 * RUNNING, so a folder whose process died still says what it was), and ends it exactly once.
 *
 * <p>A run ends OK only when its owner says so ({@link #succeeded()}); {@link #failed(String)} ends it FAILED with the
 * reason. Every other way out ends it FAILED too, so no path leaves a folder RUNNING:
 * <ul>
 *   <li>{@link #close()} (try-with-resources) on a run that was not ended: FAILED, {@link #NO_VERDICT} (an owner
 *       that knows why records it with {@link #failed(Throwable)} before the run closes);</li>
 *   <li>a JVM that exits (Ctrl-C, SIGTERM, {@code System.exit}) while the run is open: FAILED by a shutdown hook
 *       ({@link #INTERRUPTED}). Only {@code kill -9} and power loss leave a RUNNING folder behind.</li>
 * </ul>
 * If two runs start in the same second with the same label and name, the second gets {@code -2}, {@code -3}, ….
 *
 * <p>While the run is open a {@link NoiseSampler} measures the machine's noise each second (CPU steal, other
 * processes' CPU, load average); the run's end stops it and records its summary in the manifest ({@code noise}). A
 * run its owner ends OK whose noise exceeded the thresholds ends {@link RunStatus#NOISY} instead; FAILED stays FAILED.
 * Thread-safe: the shutdown hook and the owner may race to end the run, and only the first one counts.
 */
public final class Run implements AutoCloseable {

    /** The manifest's file name inside a run folder. */
    public static final String MANIFEST_FILE = "manifest.json";

    /** The reason of a run whose JVM exited before the run ended. */
    public static final String INTERRUPTED = "interrupted: the process exited before the run finished";

    /**
     * A file of {@value #SPACE_RESERVE_BYTES} bytes written when the run starts and deleted when it ends: on a disk
     * that fills up during the run, the manifest's final write deletes it and tries again, so the verdict (FAILED,
     * with the write that failed) still lands. Never listed among the run's files.
     */
    public static final String SPACE_RESERVE_FILE = ".space-reserve";
    static final int SPACE_RESERVE_BYTES = 256 * 1024;

    /** The reason of a run closed without {@link #succeeded()} or {@link #failed(String)}. */
    public static final String NO_VERDICT = "ended without a verdict";

    private static final DateTimeFormatter FOLDER_TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Path dir;
    private final Manifest manifest;
    private final Clock clock;
    private final Thread shutdownHook;
    private final Optional<NoiseSampler> noise;
    private String interruptedReason = INTERRUPTED;
    private boolean ended;
    private boolean endedByOwner;

    private Run(Path dir, Manifest manifest, Clock clock, Optional<NoiseSampler> noise) {
        this.dir = dir;
        this.manifest = manifest;
        this.clock = clock;
        this.noise = noise;
        this.shutdownHook = new Thread(this::interrupted, "run-" + dir.getFileName() + "-exit");
    }

    /**
     * Creates the folder for a run on this machine, writes its first manifest, arms the shutdown hook and starts
     * sampling the machine's noise, judged by the thresholds the system properties set
     * ({@link NoiseThresholds#fromSystemProperties}). The environment is read through OSHI, the disk being the one
     * holding {@code resultsDir}.
     *
     * @param resultsDir where run folders live ({@code --results}, default {@code results})
     * @param label      machine label ({@code --label}, default {@link Labels#defaultLabel()}); sanitized
     * @param kind       what produces the run
     * @param name       what ran, e.g. {@code load-events}; sanitized
     * @param clock      the run's clock (a fixed clock in tests)
     * @throws IllegalArgumentException naming the property when a noise threshold is not a percentage
     */
    public static Run start(Path resultsDir, String label, RunKind kind, String name, Clock clock) {
        NoiseThresholds thresholds = NoiseThresholds.fromSystemProperties(System.getProperties());
        return start(resultsDir, label, kind, name, clock, EnvironmentInfo.capture(resultsDir), ToolInfo.current(),
                Optional.of(NoiseSampler.ofMachine(thresholds)));
    }

    /**
     * As {@link #start(Path, String, RunKind, String, Clock)}, with the environment and tool given and without noise
     * sampling: for a run that measures nothing on this machine (a merge of other runs), and for tests.
     */
    public static Run start(Path resultsDir, String label, RunKind kind, String name, Clock clock,
                            EnvironmentInfo environment, ToolInfo tool) {
        return start(resultsDir, label, kind, name, clock, environment, tool, Optional.empty());
    }

    /**
     * As {@link #start(Path, String, RunKind, String, Clock)}, with the environment, tool and noise sampler given;
     * the run starts the sampler and stops it when it ends.
     */
    public static Run start(Path resultsDir, String label, RunKind kind, String name, Clock clock,
                            EnvironmentInfo environment, ToolInfo tool, Optional<NoiseSampler> noise) {
        return start(resultsDir, Optional.empty(), label, kind, name, clock, environment, tool, noise);
    }

    /**
     * As {@link #start(Path, String, RunKind, String, Clock)}, in the folder {@code folderName} of {@code resultsDir}
     * rather than one named after the time, label and name: a shard of a scaled-out run is {@code <run-id>/shard-<i>}.
     * A folder of that name already there (an earlier attempt of the same shard) is kept; this run takes the name with
     * the next suffix ({@code shard-1-2}), which the merge then refuses as a duplicate.
     */
    public static Run startAs(Path resultsDir, String folderName, String label, RunKind kind, String name, Clock clock) {
        NoiseThresholds thresholds = NoiseThresholds.fromSystemProperties(System.getProperties());
        return start(resultsDir, Optional.of(Labels.sanitize(folderName)), label, kind, name, clock,
                EnvironmentInfo.capture(resultsDir), ToolInfo.current(), Optional.of(NoiseSampler.ofMachine(thresholds)));
    }

    private static Run start(Path resultsDir, Optional<String> folderName, String label, RunKind kind, String name, Clock clock,
                             EnvironmentInfo environment, ToolInfo tool, Optional<NoiseSampler> noise) {
        String safeLabel = Labels.sanitize(label);
        String safeName = Labels.sanitize(name);
        Instant startedAt = clock.instant();
        Path dir = createFolder(resultsDir, folderName.orElseGet(() -> FOLDER_TIME.format(startedAt) + "-" + safeLabel + "-" + safeName));
        Run run = new Run(dir, new Manifest(kind, safeName, safeLabel, tool, startedAt, environment), clock, noise);
        run.writeManifest();
        run.reserveSpace();
        Runtime.getRuntime().addShutdownHook(run.shutdownHook);
        noise.ifPresent(NoiseSampler::start);
        return run;
    }

    private static Path createFolder(Path resultsDir, String base) {
        try {
            Files.createDirectories(resultsDir);
            for (int attempt = 1; ; attempt++) {
                Path candidate = resultsDir.resolve(attempt == 1 ? base : base + "-" + attempt);
                try {
                    return Files.createDirectory(candidate);
                } catch (FileAlreadyExistsException e) {
                    // same second, same label and name: take the next suffix
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a run folder in " + resultsDir + ": " + e.getMessage(), e);
        }
    }

    /** The run folder. */
    public Path dir() {
        return dir;
    }

    /** The manifest to fill; {@link #writeManifest()} saves it mid-run, the ending methods save it at the end. */
    public Manifest manifest() {
        return manifest;
    }

    /** Rewrites {@code manifest.json} with what the manifest holds now. */
    public void writeManifest() {
        try {
            Json.write(dir.resolve(MANIFEST_FILE), manifest.toJsonTree());
        } catch (UncheckedIOException e) {
            if (!releaseSpaceReserve()) {
                throw e;
            }
            Json.write(dir.resolve(MANIFEST_FILE), manifest.toJsonTree());
        }
    }

    private void reserveSpace() {
        try {
            Files.write(dir.resolve(SPACE_RESERVE_FILE), new byte[SPACE_RESERVE_BYTES]);
        } catch (IOException e) {
            releaseSpaceReserve();
            throw new UncheckedIOException("cannot write to the run folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the space reserve; true when there was one to free. */
    private boolean releaseSpaceReserve() {
        try {
            return Files.deleteIfExists(dir.resolve(SPACE_RESERVE_FILE));
        } catch (IOException e) {
            return false;
        }
    }

    /** True until the run has ended, whichever way. */
    public synchronized boolean isOpen() {
        return !ended;
    }

    /**
     * Ends the run OK, or NOISY when the machine's noise exceeded the thresholds, and writes the final manifest.
     * Only the owner that judged the run says this.
     *
     * @return the status the run ended with: {@link RunStatus#OK} or {@link RunStatus#NOISY}
     */
    public RunStatus succeeded() {
        end(RunStatus.OK, null);
        return manifest.status();
    }

    /**
     * Counts the processes {@code pids} names, with their descendants, as this run's own CPU rather than other
     * processes' noise: the servers the run started (normally {@code Datastores::serverPids}), which may have left
     * the JVM's process tree. Asked at every sample; it must be cheap and never block. No effect on a run that does
     * not sample noise.
     */
    public void countAsOwn(Supplier<? extends Collection<Long>> pids) {
        noise.ifPresent(sampler -> sampler.countAsOwn(pids));
    }

    /** The machine's noise during the run, once the run has ended; empty for a run that does not sample it. */
    public Optional<NoiseSummary> noise() {
        return manifest.noise();
    }

    /**
     * Ends the run FAILED with its reason (first line kept, secrets masked) and writes the final manifest.
     * A run that missed its target is FAILED, not OK.
     */
    public void failed(String reason) {
        end(RunStatus.FAILED, reason(reason));
    }

    /** Ends the run FAILED with the cause's message, as {@link #failed(String)}. */
    public void failed(Throwable cause) {
        failed(describe(cause));
    }

    /**
     * The reason recorded when the JVM exits while the run is open (default {@link #INTERRUPTED}), e.g. how to
     * continue an interrupted load.
     */
    public synchronized void whenInterrupted(String reason) {
        interruptedReason = reason;
    }

    /** Ends a run that was not ended FAILED with {@link #NO_VERDICT}. Idempotent. */
    @Override
    public void close() {
        endIfOpen(NO_VERDICT);
    }

    private void interrupted() {
        String reason;
        synchronized (this) {
            reason = interruptedReason;
        }
        endIfOpen(reason);
    }

    private void endIfOpen(String reason) {
        end(RunStatus.FAILED, reason(reason), false);
    }

    private void end(RunStatus status, String reason) {
        end(status, reason, true);
    }

    /**
     * Ends the run once. An owner ending a run twice is a bug and throws; an owner ending a run that the shutdown
     * hook or {@link #close()} already ended finds it ended and changes nothing.
     */
    private void end(RunStatus status, String reason, boolean byOwner) {
        synchronized (this) {
            if (ended) {
                if (byOwner && endedByOwner) {
                    throw new IllegalStateException("run " + dir.getFileName() + " already ended with status " + manifest.status());
                }
                return;
            }
            ended = true;
            endedByOwner = byOwner;
            Instant finishedAt = clock.instant();
            NoiseSummary measured = noise.map(NoiseSampler::stop).orElse(null);
            boolean noisy = status == RunStatus.OK && measured != null && measured.noisy();
            manifest.finish(noisy ? RunStatus.NOISY : status, reason, finishedAt, measured);
            manifest.addFoundFiles(filesInFolder());
            try {
                writeManifest();
            } finally {
                releaseSpaceReserve();
            }
        }
        disarmShutdownHook();
    }

    private void disarmShutdownHook() {
        if (Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook finds the run ended and does nothing
        }
    }

    private static String reason(String reason) {
        String line = reason == null || reason.isBlank() ? "unknown failure" : reason.strip().lines().findFirst().orElse("");
        return ManifestSanitizer.sanitizeText(Secrets.maskUrl(line));
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    private List<String> filesInFolder() {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile)
                    .map(path -> dir.relativize(path).toString().replace('\\', '/'))
                    .filter(path -> !path.equals(MANIFEST_FILE) && !path.equals(SPACE_RESERVE_FILE) && !path.endsWith(".tmp"))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
