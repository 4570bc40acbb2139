package io.loadbench.scenarios.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;
import io.loadbench.results.Run;
import io.loadbench.results.RunStatus;

/**
 * Puts Gatling's report into the run folder. Gatling's results folder is fixed before the simulation exists
 * (the plugin's {@code <resultsFolder>}, mapped to the property {@value #PROPERTY}); the run folder's name is
 * only known once the simulation starts. So the simulation makes that results folder a symbolic link to its
 * run folder's {@code gatling/} directory before Gatling writes anything into it: {@code simulation.log} and
 * the HTML report land in {@code <run folder>/gatling/<simulation>-<timestamp>/}.
 *
 * <p>When the JVM exits (after Gatling wrote its report), the link is replaced by an empty directory again:
 * the plugin checks that its results folder can be created before it starts the next run, and a link to a
 * run folder deleted since would fail that check. A run killed before it exits leaves the link; {@code mvn
 * clean} (or deleting {@code scenarios/target/gatling-current}) removes it.
 */
final class GatlingResultsLink {

    static final String PROPERTY = "loadbench.gatling.resultsFolder";

    private GatlingResultsLink() {
    }

    /** Replaces the link by an empty directory; best effort, at JVM exit. */
    static void unlink(Path resultsFolder) {
        try {
            if (Files.isSymbolicLink(resultsFolder)) {
                Files.delete(resultsFolder);
                Files.createDirectories(resultsFolder);
            }
        } catch (IOException e) {
            System.err.println("cannot restore Gatling's results folder " + resultsFolder + ": " + e.getMessage());
        }
    }

    /**
     * Points {@code resultsFolder} at {@code gatlingDir}. An existing link is replaced; an empty directory (the
     * plugin creates one) is removed; a directory with content is refused, never deleted.
     */
    static void link(Path resultsFolder, Path gatlingDir) {
        try {
            Files.createDirectories(gatlingDir);
            if (Files.isSymbolicLink(resultsFolder)) {
                Files.delete(resultsFolder);
            } else if (Files.isDirectory(resultsFolder, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> entries = Files.list(resultsFolder)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalStateException("Gatling's results folder " + resultsFolder + " (-D" + PROPERTY
                                + ") holds earlier reports; move them away or point " + PROPERTY + " elsewhere");
                    }
                }
                Files.delete(resultsFolder);
            }
            Path parent = resultsFolder.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.createSymbolicLink(resultsFolder, gatlingDir.toAbsolutePath());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> unlink(resultsFolder), "gatling-results-unlink"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot link Gatling's results folder " + resultsFolder + " to " + gatlingDir
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * When {@value #PROPERTY} is set (the plugin's {@code <resultsFolder>}), links it to the run's {@code gatling/}
     * directory and lists Gatling's report in the manifest at JVM exit (Gatling writes it after the verdict).
     */
    static void linkInto(Run folder, Properties system) {
        String gatlingResults = system.getProperty(PROPERTY);
        if (gatlingResults != null && !gatlingResults.isBlank()) {
            link(Path.of(gatlingResults), folder.dir().resolve("gatling"));
            // Gatling writes its HTML report after the verdict: list it in the manifest when the JVM exits
            Runtime.getRuntime().addShutdownHook(new Thread(() -> listGatlingReport(folder), "manifest-gatling-files"));
        }
    }

    private static void listGatlingReport(Run folder) {
        Path gatling = folder.dir().resolve("gatling");
        if (!Files.isDirectory(gatling) || folder.manifest().status() == RunStatus.RUNNING) {
            return;
        }
        try (Stream<Path> files = Files.walk(gatling)) {
            files.filter(Files::isRegularFile).sorted()
                    .forEach(file -> folder.manifest().addFile(folder.dir().relativize(file).toString().replace('\\', '/')));
            folder.writeManifest();
        } catch (IOException | RuntimeException e) {
            System.err.println("cannot list Gatling's report in " + folder.dir() + ": " + e.getMessage());
        }
    }
}
