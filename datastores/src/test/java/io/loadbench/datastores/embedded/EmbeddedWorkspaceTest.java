package io.loadbench.datastores.embedded;

import io.loadbench.datastores.DatastoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Which workspaces count as stale, and that cleaning never touches what loadbench did not make, never removes a live
 * workspace and never signals a process that is not the recorded server. Stand-in "servers" are {@code sleep}
 * processes started by the test (and destroyed by it).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmbeddedWorkspaceTest {

    @TempDir
    Path tmp;

    private Path root() {
        return tmp.resolve("root");
    }

    @Test
    void aWorkspaceIsMarkedNamesItsOwnerAndIsDeletedOnClose() throws Exception {
        EmbeddedWorkspace workspace = EmbeddedWorkspace.create(root());

        assertThat(root().resolve(EmbeddedWorkspace.ROOT_MARKER_FILE)).isRegularFile();
        Properties marker = marker(workspace.dir());
        assertThat(marker.getProperty(EmbeddedWorkspace.MARKER_KEY)).isEqualTo(EmbeddedWorkspace.MARKER_VALUE);
        assertThat(marker.getProperty("owner.pid")).isEqualTo(Long.toString(ProcessHandle.current().pid()));
        assertThat(Long.parseLong(marker.getProperty("owner.startTicks")))
                .isEqualTo(ProcessIdentity.startTicks(ProcessHandle.current().pid())).isPositive();
        assertThat(Files.getPosixFilePermissions(workspace.dir())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(EmbeddedWorkspace.isStale(workspace.dir())).isFalse();
        assertThat(EmbeddedWorkspace.cleanStale(root())).isEmpty();
        assertThat(workspace.dir()).isDirectory();

        workspace.close();
        assertThat(workspace.dir()).doesNotExist();
    }

    @Test
    void foreignDirectoriesUnderTheRootAreLeftAlone() throws Exception {
        EmbeddedWorkspace.create(root()).close();
        long deadPid = deadPid();
        // old and ownerless, named like a workspace, with a look-alike marker, with a bare owner file of a dead pid
        Path ownerless = Files.createDirectories(root().resolve(deadPid + "-0ld0ld00"));
        Files.setLastModifiedTime(ownerless, FileTime.from(Instant.now().minus(Duration.ofDays(3))));
        Path lookAlike = Files.createDirectories(root().resolve(deadPid + "-lookalik"));
        Files.writeString(lookAlike.resolve(EmbeddedWorkspace.MARKER_FILE), "marker=something-else\nowner.pid=" + deadPid + "\n");
        Path oldFormat = Files.createDirectories(root().resolve(deadPid + "-oldforma"));
        Files.writeString(oldFormat.resolve("owner.properties"), "pid=" + deadPid + "\n");
        Path file = Files.writeString(root().resolve("notes.txt"), "mine");

        assertThat(EmbeddedWorkspace.cleanStale(root())).isEmpty();

        assertThat(ownerless).isDirectory();
        assertThat(lookAlike).isDirectory();
        assertThat(oldFormat.resolve("owner.properties")).isRegularFile();
        assertThat(file).hasContent("mine");
    }

    @Test
    void aSymlinkedRootIsRefusedNamingIt() throws Exception {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Path precious = Files.writeString(elsewhere.resolve("precious"), "data");
        Path link = Files.createSymbolicLink(tmp.resolve("link"), elsewhere);

        assertThatThrownBy(() -> EmbeddedWorkspace.cleanStale(link)).isInstanceOf(DatastoreException.class)
                .hasMessageStartingWith("embedded servers' directory " + link + " is a symbolic link")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> EmbeddedWorkspace.create(link)).isInstanceOf(DatastoreException.class)
                .hasMessageContaining(link.toString());
        assertThat(elsewhere).isDirectoryContaining(p -> p.equals(precious));
        assertThat(Files.list(elsewhere).count()).isEqualTo(1);
    }

    @Test
    void aNonEmptyRootLoadbenchDidNotCreateIsRefused() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("someones-dir"));
        Path theirs = Files.createDirectories(root.resolve("123-abcdef12"));

        assertThatThrownBy(() -> EmbeddedWorkspace.create(root)).isInstanceOf(DatastoreException.class)
                .hasMessageStartingWith("embedded servers' directory " + root + " was not created by loadbench")
                .hasMessageContaining("-Dloadbench.embedded.dir");
        assertThat(theirs).isDirectory();
        assertThat(root.resolve(EmbeddedWorkspace.ROOT_MARKER_FILE)).doesNotExist();
    }

    @Test
    void aRootOwnedByAnotherUserIsRefused() throws Exception {
        assumeThat(System.getProperty("user.name")).as("only root can give a directory away").isEqualTo("root");
        Path root = Files.createDirectories(tmp.resolve("nobodys"));
        UserPrincipal nobody = root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(root, nobody);

        assertThatThrownBy(() -> EmbeddedWorkspace.create(root)).isInstanceOf(DatastoreException.class)
                .hasMessageStartingWith("embedded servers' directory " + root + " is owned by ");
        assertThat(Files.list(root).count()).isZero();
    }

    @Test
    void aWorkspaceWhoseJvmIsDeadIsRemoved() throws Exception {
        EmbeddedWorkspace.create(root()).close();
        long deadPid = deadPid();
        Path stale = fakeWorkspace("dead", new ProcessIdentity(deadPid, 12345, Instant.parse("2026-01-01T00:00:00Z")));

        assertThat(EmbeddedWorkspace.isStale(stale)).isTrue();
        assertThat(EmbeddedWorkspace.cleanStale(root())).singleElement().asString()
                .contains(stale.toString()).contains("no server was running");
        assertThat(stale).doesNotExist();
    }

    @Test
    void aLiveWorkspaceOfAnotherProcessIsLeftAlone() throws Exception {
        EmbeddedWorkspace.create(root()).close();
        Process owner = new ProcessBuilder("sleep", "60").start();
        try {
            Path live = fakeWorkspace("live", ProcessIdentity.ofRunning(owner.pid()).orElseThrow());

            assertThat(EmbeddedWorkspace.isStale(live)).isFalse();
            assertThat(EmbeddedWorkspace.cleanStale(root())).isEmpty();
            assertThat(live).isDirectory();
        } finally {
            owner.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aReusedOwnerPidDoesNotKeepAWorkspaceAliveAndAReusedServerPidIsNeverSignalled() throws Exception {
        EmbeddedWorkspace.create(root()).close();
        Process stranger = new ProcessBuilder("sleep", "60").start();
        try {
            ProcessIdentity strangerNow = ProcessIdentity.ofRunning(stranger.pid()).orElseThrow();
            // the owner and the server were recorded with this pid but another start time: the pid was reused since
            ProcessIdentity before = new ProcessIdentity(stranger.pid(), strangerNow.startTicks() - 1000,
                    strangerNow.startedAt().minusSeconds(10));
            Path stale = fakeWorkspace("reused", before);
            recordServer(stale, EmbeddedWorkspace.Server.REDIS, before, stale.resolve(EmbeddedWorkspace.REDIS_DIR));

            assertThat(EmbeddedWorkspace.isStale(stale)).isTrue();
            assertThat(EmbeddedWorkspace.cleanStale(root())).singleElement().asString().contains("no server was running");

            assertThat(stale).doesNotExist();
            assertThat(stranger.isAlive()).as("the process now holding the recorded pid is left alone").isTrue();
        } finally {
            stranger.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRecordedServerIsStoppedOnlyWhenPidStartTimeAndDirectoryAllMatch() throws Exception {
        EmbeddedWorkspace.create(root()).close();
        long deadOwner = deadPid();
        Path stale = fakeWorkspace("server", new ProcessIdentity(deadOwner, 1, Instant.parse("2026-01-01T00:00:00Z")));
        Path redisDir = stale.resolve(EmbeddedWorkspace.REDIS_DIR);
        // same pid and start time, but running elsewhere than the recorded directory: not provably ours
        Process elsewhere = new ProcessBuilder("sleep", "60").directory(tmp.toFile()).start();
        try {
            recordServer(stale, EmbeddedWorkspace.Server.REDIS, ProcessIdentity.ofRunning(elsewhere.pid()).orElseThrow(), redisDir);

            assertThat(EmbeddedWorkspace.cleanStale(root())).singleElement().asString()
                    .startsWith("kept stale embedded servers' directory " + stale).contains("was not signalled");
            assertThat(elsewhere.isAlive()).isTrue();
            assertThat(stale).isDirectory();
        } finally {
            elsewhere.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        Process server = new ProcessBuilder("sleep", "60").directory(redisDir.toFile()).start();
        try {
            recordServer(stale, EmbeddedWorkspace.Server.REDIS, ProcessIdentity.ofRunning(server.pid()).orElseThrow(), redisDir);

            assertThat(EmbeddedWorkspace.cleanStale(root())).singleElement().asString()
                    .contains("after stopping Redis pid " + server.pid());
            assertThat(server.waitFor(10, TimeUnit.SECONDS)).as("the verified server was stopped").isTrue();
            assertThat(stale).doesNotExist();
        } finally {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aServerRunningFromAPidFileWithoutARecordKeepsItsWorkspace() throws Exception {
        EmbeddedWorkspace.create(root()).close();
        Path stale = fakeWorkspace("norecord", new ProcessIdentity(deadPid(), 1, Instant.parse("2026-01-01T00:00:00Z")));
        Process unknown = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(stale.resolve(EmbeddedWorkspace.REDIS_DIR).resolve(EmbeddedWorkspace.REDIS_PID_FILE), unknown.pid() + "\n");

            assertThat(EmbeddedWorkspace.cleanStale(root())).singleElement().asString()
                    .contains("kept").contains("no record of it").contains("kill " + unknown.pid());
            assertThat(unknown.isAlive()).isTrue();
            assertThat(stale).isDirectory();
        } finally {
            unknown.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void closeStopsARecordedServerThatIsStillRunningBeforeDeletingItsDirectory() throws Exception {
        EmbeddedWorkspace workspace = EmbeddedWorkspace.create(root());
        Process server = new ProcessBuilder("sleep", "60").directory(workspace.redisDir().toFile()).start();
        try {
            workspace.recordServer(EmbeddedWorkspace.Server.REDIS, server.pid(), workspace.redisDir());

            workspace.close();

            assertThat(server.waitFor(10, TimeUnit.SECONDS)).as("the server was stopped").isTrue();
            assertThat(workspace.dir()).doesNotExist();
        } finally {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void deletingAWorkspaceRemovesALinkInsideItNotWhatItPointsTo() throws Exception {
        Path outside = Files.writeString(Files.createDirectories(tmp.resolve("outside")).resolve("keep"), "data");
        EmbeddedWorkspace workspace = EmbeddedWorkspace.create(root());
        Files.createSymbolicLink(workspace.redisDir().resolve("link"), outside.getParent());

        workspace.close();

        assertThat(workspace.dir()).doesNotExist();
        assertThat(outside).hasContent("data");
    }

    private Path fakeWorkspace(String name, ProcessIdentity owner) throws Exception {
        Path dir = Files.createDirectories(root().resolve(owner.pid() + "-" + name));
        Properties marker = new Properties();
        marker.setProperty(EmbeddedWorkspace.MARKER_KEY, EmbeddedWorkspace.MARKER_VALUE);
        owner.write(marker, EmbeddedWorkspace.OWNER_PREFIX);
        store(dir, marker);
        Files.createDirectories(dir.resolve(EmbeddedWorkspace.REDIS_DIR));
        return dir;
    }

    private static void recordServer(Path workspace, EmbeddedWorkspace.Server server, ProcessIdentity identity, Path dir)
            throws Exception {
        Properties marker = marker(workspace);
        identity.write(marker, server.prefix);
        marker.setProperty(server.prefix + "dir", dir.toRealPath().toString());
        store(workspace, marker);
    }

    private static Properties marker(Path workspace) throws Exception {
        Properties marker = new Properties();
        try (var in = Files.newBufferedReader(workspace.resolve(EmbeddedWorkspace.MARKER_FILE), StandardCharsets.UTF_8)) {
            marker.load(in);
        }
        return marker;
    }

    private static void store(Path workspace, Properties marker) throws Exception {
        try (var out = Files.newBufferedWriter(workspace.resolve(EmbeddedWorkspace.MARKER_FILE), StandardCharsets.UTF_8)) {
            marker.store(out, null);
        }
    }

    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor(10, TimeUnit.SECONDS);
        return process.pid();
    }
}
