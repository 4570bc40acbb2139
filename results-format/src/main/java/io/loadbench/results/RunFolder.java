package io.loadbench.results;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One run's folder, {@code <results>/<yyyyMMdd'T'HHmmss'Z'>-<label>-<name>/}, and its {@code manifest.json}.
 * The manifest is written at {@link #create} (status RUNNING, so a run whose process died still says what it was)
 * and rewritten by {@link #finishOk()} / {@link #finishFailed(String)} with the end time, duration, status and
 * the files found in the folder. If two runs start in the same second with the same label and name, the second
 * gets {@code -2}, {@code -3}, ….
 */
public final class RunFolder {

    /** The manifest's file name inside a run folder. */
    public static final String MANIFEST_FILE = "manifest.json";

    private static final DateTimeFormatter FOLDER_TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Path dir;
    private final Manifest manifest;
    private final Clock clock;

    private RunFolder(Path dir, Manifest manifest, Clock clock) {
        this.dir = dir;
        this.manifest = manifest;
        this.clock = clock;
    }

    /**
     * Creates the folder for a run on this machine and writes its first manifest.
     *
     * @param resultsDir where run folders live ({@code --results}, default {@code results})
     * @param label      machine label ({@code --label}, default {@link Labels#defaultLabel()}); sanitized
     * @param kind       {@code load}, {@code jmh}, {@code gatling} or {@code merge}
     * @param name       what ran, e.g. {@code load-events}; sanitized
     * @param clock      the run's clock (a fixed clock in tests)
     */
    public static RunFolder create(Path resultsDir, String label, String kind, String name, Clock clock) {
        return create(resultsDir, label, kind, name, clock, EnvironmentInfo.capture(), ToolInfo.current());
    }

    /** As {@link #create(Path, String, String, String, Clock)}, with the environment and tool given (for tests). */
    public static RunFolder create(Path resultsDir, String label, String kind, String name, Clock clock,
                                   EnvironmentInfo environment, ToolInfo tool) {
        String safeLabel = Labels.sanitize(label);
        String safeName = Labels.sanitize(name);
        Instant startedAt = clock.instant();
        String base = FOLDER_TIME.format(startedAt) + "-" + safeLabel + "-" + safeName;
        Path dir;
        try {
            Files.createDirectories(resultsDir);
            dir = null;
            for (int attempt = 1; dir == null; attempt++) {
                Path candidate = resultsDir.resolve(attempt == 1 ? base : base + "-" + attempt);
                try {
                    dir = Files.createDirectory(candidate);
                } catch (FileAlreadyExistsException e) {
                    // same second, same label and name: take the next suffix
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a run folder in " + resultsDir + ": " + e.getMessage(), e);
        }
        Manifest manifest = new Manifest(kind, safeName, safeLabel, tool, startedAt, environment);
        RunFolder folder = new RunFolder(dir, manifest, clock);
        folder.writeManifest();
        return folder;
    }

    /** The run folder. */
    public Path dir() {
        return dir;
    }

    /** The manifest to fill; {@link #writeManifest()} saves it mid-run, the finish methods save it at the end. */
    public Manifest manifest() {
        return manifest;
    }

    /** Rewrites {@code manifest.json} with what the manifest holds now. */
    public void writeManifest() {
        Json.write(dir.resolve(MANIFEST_FILE), manifest.toJsonTree());
    }

    /** Marks the run OK and writes the final manifest. */
    public void finishOk() {
        finish(RunStatus.OK, null);
    }

    /**
     * Marks the run FAILED with its reason (first line kept, secrets masked) and writes the final manifest.
     * A run that missed its target is FAILED, not OK.
     */
    public void finishFailed(String reason) {
        String line = reason == null || reason.isBlank() ? "unknown failure" : reason.strip().lines().findFirst().orElse("");
        finish(RunStatus.FAILED, ManifestSanitizer.sanitizeText(Secrets.maskUrl(line)));
    }

    private void finish(RunStatus status, String reason) {
        manifest.finish(status, reason, clock.instant());
        manifest.addFoundFiles(filesInFolder());
        writeManifest();
    }

    private List<String> filesInFolder() {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile)
                    .map(path -> dir.relativize(path).toString().replace('\\', '/'))
                    .filter(path -> !path.equals(MANIFEST_FILE) && !path.endsWith(".tmp"))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
