package io.loadbench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadbench.results.Json;
import io.loadbench.scenarios.GatlingLauncher;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A results folder whose disk fills up in the middle of a run: a real, tiny file system (a 4 MiB tmpfs mounted for
 * the test, which needs root, as CI runs; skipped elsewhere) that another writer fills while the load runs. The
 * interval log's failed write fails the run with its cause, and the verdict still reaches the manifest: FAILED,
 * naming the file and "No space left on device", never OK and never a RUNNING folder.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DiskFullTest {

    @TempDir
    Path scratch;

    private Path mountPoint;
    private boolean mounted;

    @BeforeEach
    void mountATinyFileSystem() throws Exception {
        mountPoint = Files.createDirectory(scratch.resolve("tiny"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", mountPoint.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        mounted = mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0;
        Assumptions.assumeTrue(mounted, "cannot mount a tmpfs here (needs root and CAP_SYS_ADMIN)");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            Process umount = new ProcessBuilder("umount", mountPoint.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(umount.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aDiskThatFillsDuringARunFailsItWithTheCauseAndTheVerdictStillLands() throws Exception {
        Path results = mountPoint.resolve("results");
        AtomicBoolean runEnded = new AtomicBoolean();
        AtomicLong filled = new AtomicLong();
        // another writer fills the disk once the load is under way
        CompletableFuture<Void> filler = CompletableFuture.runAsync(() -> {
            try {
                while (!runEnded.get() && IntervalLogs.written(results, BoundedRunSimulation.REQUEST) == 0) {
                    Thread.sleep(20);
                }
                try (OutputStream out = Files.newOutputStream(mountPoint.resolve("filler"))) {
                    byte[] block = new byte[64 * 1024];
                    while (true) {
                        out.write(block);
                        filled.addAndGet(block.length);
                    }
                }
            } catch (IOException full) {
                // the disk is full
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        int exitCode;
        try {
            exitCode = GatlingLauncher.run(BoundedRunSimulation.class, results, Map.of("mode", "select",
                    "pgUrl", PostgresOnlyTargetTest.embeddedPostgresUrl(), "duration", "6s", "rate", "50")).exitCode();
        } catch (RuntimeException gatlingReport) {
            // after the verdict, Gatling's own report generation may find its simulation.log cut short by the full
            // disk and throw: that is Gatling's output, not the run's verdict
            exitCode = -1;
        } finally {
            runEnded.set(true);
            filler.get(60, TimeUnit.SECONDS);
        }

        assertThat(filled.get()).as("the filler wrote until the disk was full").isPositive();
        assertThat(exitCode).isNotZero();
        Path folder;
        try (Stream<Path> folders = Files.list(results)) {
            folder = folders.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).findFirst().orElseThrow();
        }
        assertThat(folder.resolve(io.loadbench.results.Run.SPACE_RESERVE_FILE)).as("the reserve was spent or deleted").doesNotExist();
        JsonNode manifest = Json.mapper().readTree(folder.resolve("manifest.json").toFile());
        assertThat(manifest.path("status").asText()).isEqualTo("FAILED");
        assertThat(manifest.path("failureReason").asText()).contains("No space left on device").doesNotContain("\n");
        System.out.println("disk full run: " + manifest.path("failureReason").asText());
    }
}
