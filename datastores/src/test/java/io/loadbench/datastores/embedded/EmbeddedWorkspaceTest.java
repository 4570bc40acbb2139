package io.loadbench.datastores.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Which workspaces count as stale, and that cleaning never touches a live one or signals a stranger. */
class EmbeddedWorkspaceTest {

    @TempDir
    Path root;

    @Test
    void aWorkspaceNamesItsOwnerAndIsDeletedOnClose() throws Exception {
        EmbeddedWorkspace workspace = EmbeddedWorkspace.create(root);

        String owner = Files.readString(workspace.dir().resolve(EmbeddedWorkspace.OWNER_FILE), StandardCharsets.UTF_8);
        assertThat(owner).contains("pid=" + ProcessHandle.current().pid());
        assertThat(workspace.dir().getFileName().toString()).startsWith(ProcessHandle.current().pid() + "-");
        assertThat(EmbeddedWorkspace.isStale(workspace.dir())).isFalse();
        assertThat(EmbeddedWorkspace.cleanStale(root)).isEmpty();
        assertThat(workspace.dir()).isDirectory();

        workspace.close();
        assertThat(workspace.dir()).doesNotExist();
    }

    @Test
    void closeStopsAServerThatIsStillRunningBeforeDeletingItsDirectory() throws Exception {
        EmbeddedWorkspace workspace = EmbeddedWorkspace.create(root);
        // a stand-in for a redis-server that started but was never handed to anyone: `sleep` under a redis name
        Path fakeRedis = Files.copy(Path.of("/bin/sleep"), workspace.redisDir().resolve("redis-server-stand-in"));
        fakeRedis.toFile().setExecutable(true);
        Process server = new ProcessBuilder(fakeRedis.toString(), "60").start();
        try {
            Files.writeString(workspace.redisDir().resolve(EmbeddedWorkspace.REDIS_PID_FILE), server.pid() + "\n");

            workspace.close();

            assertThat(server.waitFor(10, TimeUnit.SECONDS)).as("the server was stopped").isTrue();
            assertThat(workspace.dir()).doesNotExist();
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void aWorkspaceWhoseJvmIsDeadIsRemoved() throws Exception {
        long deadPid = deadPid();
        Path stale = fakeWorkspace("dead", deadPid, Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(EmbeddedWorkspace.isStale(stale)).isTrue();
        assertThat(EmbeddedWorkspace.cleanStale(root)).singleElement().asString()
                .contains(stale.toString()).contains("no server was running");
        assertThat(stale).doesNotExist();
    }

    @Test
    void aReusedPidDoesNotKeepAWorkspaceAliveButIsNeverSignalled() throws Exception {
        Process stranger = new ProcessBuilder("sleep", "30").start();
        try {
            // owned by "our" pid, recorded with another start time: the pid now belongs to someone else
            Path stale = fakeWorkspace("reused", stranger.pid(), Instant.parse("2026-01-01T00:00:00Z"));
            // a pid file pointing at the stranger, who is not a postgres process
            Files.createDirectories(stale.resolve(EmbeddedWorkspace.POSTGRES_DIR));
            Files.writeString(stale.resolve(EmbeddedWorkspace.POSTGRES_DIR).resolve("postmaster.pid"), stranger.pid() + "\n");

            assertThat(EmbeddedWorkspace.isStale(stale)).isTrue();
            EmbeddedWorkspace.cleanStale(root);

            assertThat(stale).doesNotExist();
            assertThat(stranger.isAlive()).as("an unrelated process with the recorded pid is left alone").isTrue();
        } finally {
            stranger.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aWorkspaceOfALiveJvmIsKept() throws Exception {
        ProcessHandle self = ProcessHandle.current();
        Path live = fakeWorkspace("live", self.pid(), self.info().startInstant().orElseThrow());

        assertThat(EmbeddedWorkspace.isStale(live)).isFalse();
        assertThat(EmbeddedWorkspace.cleanStale(root)).isEmpty();
        assertThat(live).isDirectory();
    }

    @Test
    void anOwnerlessDirectoryIsOnlyRemovedOnceItIsOld() throws Exception {
        Path young = Files.createDirectories(root.resolve("12345-young"));
        Path old = Files.createDirectories(root.resolve("12345-old"));
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofHours(1))));

        EmbeddedWorkspace.cleanStale(root);

        assertThat(young).isDirectory();
        assertThat(old).doesNotExist();
    }

    private Path fakeWorkspace(String name, long pid, Instant startedAt) throws Exception {
        Path dir = Files.createDirectories(root.resolve(pid + "-" + name));
        Files.writeString(dir.resolve(EmbeddedWorkspace.OWNER_FILE), "pid=" + pid + "\nstartedAt=" + startedAt + "\n",
                StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve(EmbeddedWorkspace.REDIS_DIR));
        return dir;
    }

    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor(10, TimeUnit.SECONDS);
        return process.pid();
    }
}
