package io.loadbench.loader.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadbench.loader.spi.DatasetRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A load that fails early never leaves its run folder RUNNING: once the command line is understood the run folder
 * exists, and any failure after that (a server that is down, a server that is not PostgreSQL) ends it FAILED with
 * the one-line reason the user saw; a bad option is refused before any folder is made.
 */
class LoadRunFolderTest {

    @TempDir
    Path results;

    private int load(String... options) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream quiet = new PrintStream(sink, true, StandardCharsets.UTF_8);
        String[] args = Stream.concat(Stream.of("load", "events", "--rows", "1K", "--results", results.toString()),
                Stream.of(options)).toArray(String[]::new);
        return new LoaderCli(DatasetRegistry.builtIn(), quiet, quiet, Map.of(), Clock.systemUTC(), false, () -> "test-host")
                .run(args);
    }

    @Test
    void aServerThatIsDownEndsTheRunFolderFailedNamingHostAndPort() throws IOException {
        int code = load("--pg-url", "jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=hunter2");

        assertThat(code).isEqualTo(LoaderCli.EXIT_FAILED);
        JsonNode manifest = onlyManifest();
        assertThat(manifest.path("status").asText()).isEqualTo("FAILED");
        assertThat(manifest.path("failureReason").asText()).contains("127.0.0.1:1");
        assertThat(manifest.toString()).doesNotContain("hunter2");
    }

    @Test
    void aServerThatSpeaksAnotherProtocolEndsTheRunFolderFailed() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread closer = new Thread(() -> {
                while (!silent.isClosed()) {
                    try (java.net.Socket client = silent.accept()) {
                        client.getOutputStream().write("HTTP/1.0 400 nope\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException ignored) {
                        // the test closed the server
                    }
                }
            });
            closer.setDaemon(true);
            closer.start();

            int code = load("--pg-url", "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/test?user=postgres");

            assertThat(code).isEqualTo(LoaderCli.EXIT_FAILED);
            JsonNode manifest = onlyManifest();
            assertThat(manifest.path("status").asText()).isEqualTo("FAILED");
            assertThat(manifest.path("failureReason").asText()).contains("127.0.0.1:" + silent.getLocalPort());
        }
    }

    @Test
    void aBadOptionIsRefusedBeforeAnyRunFolderExists() throws IOException {
        int code = load("--batch-size", "-5");

        assertThat(code).isEqualTo(LoaderCli.EXIT_USAGE);
        assertThat(runFolders()).isEmpty();
    }

    private JsonNode onlyManifest() throws IOException {
        List<Path> folders = runFolders();
        assertThat(folders).hasSize(1);
        return new ObjectMapper().readTree(folders.get(0).resolve("manifest.json").toFile());
    }

    private List<Path> runFolders() throws IOException {
        if (!Files.isDirectory(results)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(results)) {
            return folders.toList();
        }
    }
}
