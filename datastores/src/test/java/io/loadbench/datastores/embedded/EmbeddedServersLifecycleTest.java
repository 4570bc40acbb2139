package io.loadbench.datastores.embedded;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Embedded servers in a child JVM (so this test JVM keeps its one shared server): a normal close stops both and
 * deletes the workspace; after {@code kill -9} of the JVM the servers keep running, and the next start's stale
 * cleanup stops them and deletes their directory.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class EmbeddedServersLifecycleTest {

    @TempDir
    Path root;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killChildren() {
        children.forEach(Process::destroyForcibly);
    }

    @Test
    void closeStopsBothServersAndDeletesTheWorkspace() throws Exception {
        Process child = startChild("close");
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        Ready ready = Ready.parse(readLineStartingWith(out, "READY"));
        assertThat(isRunning(ready.postgresPid)).isTrue();
        assertThat(isRunning(ready.redisPid)).isTrue();

        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isZero();
        awaitGone(ready.postgresPid);
        awaitGone(ready.redisPid);
        assertThat(ready.workspace).doesNotExist();
    }

    @Test
    void nextStartStopsAndRemovesWhatAKilledRunLeftBehind() throws Exception {
        Process child = startChild("wait");
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        Ready ready = Ready.parse(readLineStartingWith(out, "READY"));

        child.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(isRunning(ready.postgresPid)).as("postmaster survives kill -9 of its JVM").isTrue();
        assertThat(isRunning(ready.redisPid)).as("redis-server survives kill -9 of its JVM").isTrue();
        assertThat(EmbeddedWorkspace.isStale(ready.workspace)).isTrue();

        List<String> removed = EmbeddedWorkspace.cleanStale(root);

        assertThat(removed).singleElement().asString()
                .contains(ready.workspace.toString())
                .contains("PostgreSQL pid " + ready.postgresPid)
                .contains("Redis pid " + ready.redisPid);
        awaitGone(ready.postgresPid);
        awaitGone(ready.redisPid);
        assertThat(ready.workspace).doesNotExist();
    }

    private Process startChild(String mode) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx128m",
                "-D" + EmbeddedWorkspace.ROOT_PROPERTY + "=" + root,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), EmbeddedServersChild.class.getName(), mode)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Process child = builder.start();
        children.add(child);
        return child;
    }

    private static String readLineStartingWith(BufferedReader out, String prefix) throws Exception {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("child JVM ended without printing " + prefix);
    }

    private static boolean isRunning(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void awaitGone(long pid) throws Exception {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isPresent()) {
            handle.get().onExit().get(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
        }
        assertThat(isRunning(pid)).as("pid %d still running", pid).isFalse();
    }

    private record Ready(long postgresPid, long redisPid, Path workspace) {
        static Ready parse(String line) {
            String[] parts = line.split(" ", 4);
            Path workspace = Path.of(parts[3]);
            assertThat(Files.isDirectory(workspace)).isTrue();
            return new Ready(Long.parseLong(parts[1]), Long.parseLong(parts[2]), workspace);
        }
    }
}
