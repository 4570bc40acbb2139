package io.loadbench.datastores.embedded;

import io.loadbench.datastores.DatastoreException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The directory that holds one JVM's embedded servers: {@code <root>/<pid>-<id>/} with PostgreSQL's data directory
 * {@code pgdata/}, Redis's {@code redis/}, and loadbench's marker {@value #MARKER_FILE} naming the JVM that owns it
 * (pid and start time) and, once they run, each server (pid, start time and directory).
 *
 * <p>The leftovers of a killed run are found and removed by the next start ({@link #cleanStale(Path)}), and that
 * cleanup is built never to touch what loadbench did not make:
 * <ul>
 *   <li>the root must be a real directory (not a symbolic link) owned by this user, and either carry loadbench's root
 *       marker {@value #ROOT_MARKER_FILE} or be empty (loadbench then marks it); any other root is refused with one
 *       line naming it, since {@value #ROOT_PROPERTY} can point anywhere;</li>
 *   <li>only subdirectories carrying the workspace marker are considered; anything else under the root is left alone;</li>
 *   <li>a workspace is stale only when its JVM's pid no longer runs <em>the same process</em> (pid and start time);</li>
 *   <li>a server is signalled only when its recorded pid, start time and working directory (PostgreSQL and Redis both
 *       run in their data directory) all match the running process; a workspace whose server might still run but
 *       cannot be verified is kept, with a line saying how to stop it by hand.</li>
 * </ul>
 */
public final class EmbeddedWorkspace implements AutoCloseable {

    /** System property overriding the root directory of all workspaces. */
    public static final String ROOT_PROPERTY = "loadbench.embedded.dir";
    /** Marks a root loadbench created (or found empty): only then does it ever delete anything beneath it. */
    static final String ROOT_MARKER_FILE = ".loadbench-embedded-root";
    /** Marks a workspace and records its owner and servers. */
    static final String MARKER_FILE = ".loadbench-workspace";
    static final String MARKER_KEY = "marker";
    static final String MARKER_VALUE = "loadbench-embedded-workspace-1";
    static final String OWNER_PREFIX = "owner.";
    static final String POSTGRES_DIR = "pgdata";
    static final String REDIS_DIR = "redis";
    static final String REDIS_PID_FILE = "redis.pid";

    private static final Duration STOP_WAIT = Duration.ofSeconds(10);
    /** How long a server whose directory cannot be read is given to finish exiting before it counts as unverified. */
    private static final Duration EXITING_WAIT = Duration.ofSeconds(5);

    /** The servers a workspace can hold: record prefix in the marker, pid file, directory and stop signal. */
    enum Server {
        POSTGRES("postgres.", "PostgreSQL", POSTGRES_DIR + "/postmaster.pid", "QUIT"),
        REDIS("redis.", "Redis", REDIS_DIR + "/" + REDIS_PID_FILE, "TERM");

        final String prefix;
        final String label;
        final String pidFile;
        /** PostgreSQL: SIGQUIT is an immediate shutdown (the postmaster stops its children at once); Redis: SIGTERM. */
        final String signal;

        Server(String prefix, String label, String pidFile, String signal) {
            this.prefix = prefix;
            this.label = label;
            this.pidFile = pidFile;
            this.signal = signal;
        }
    }

    private final Path dir;

    private EmbeddedWorkspace(Path dir) {
        this.dir = dir;
    }

    /**
     * The default root: {@code ${java.io.tmpdir}/loadbench-embedded-<user>}, or the {@value #ROOT_PROPERTY} property.
     * Per user, so on a shared machine nobody else's directory (or a trap left in {@code /tmp}) is ever the root.
     */
    public static Path defaultRoot() {
        String override = System.getProperty(ROOT_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String user = System.getProperty("user.name", "user").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "loadbench-embedded-" + user);
    }

    /** Cleans stale workspaces under {@code root} (creating and marking the root if needed), then creates this JVM's. */
    public static EmbeddedWorkspace create(Path root) {
        prepareRoot(root);
        cleanStale(root);
        ProcessIdentity self = ProcessIdentity.current();
        Path dir = root.resolve(self.pid() + "-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            createPrivateDirectory(dir);
            Properties marker = new Properties();
            marker.setProperty(MARKER_KEY, MARKER_VALUE);
            self.write(marker, OWNER_PREFIX);
            storeMarker(dir, marker);
            createPrivateDirectory(dir.resolve(REDIS_DIR));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the embedded servers' directory " + dir + ": " + e.getMessage(), e);
        }
        return new EmbeddedWorkspace(dir);
    }

    public Path dir() {
        return dir;
    }

    /** PostgreSQL's data directory (created by initdb). */
    public Path postgresDataDir() {
        return dir.resolve(POSTGRES_DIR);
    }

    /** Redis's working directory: binary, config, pid file. */
    public Path redisDir() {
        return dir.resolve(REDIS_DIR);
    }

    /**
     * Records a server that has just started (pid from its pid file, start time, working directory), so that a later
     * cleanup can prove a running process is that server before signalling it.
     */
    void recordServer(Server server, long pid, Path workingDirectory) {
        Optional<ProcessIdentity> running = ProcessIdentity.ofRunning(pid);
        if (running.isEmpty()) {
            return; // it died already: nothing to stop later
        }
        try {
            Properties marker = loadMarker(dir).orElseThrow(() -> new IOException("marker " + MARKER_FILE + " missing"));
            running.get().write(marker, server.prefix);
            marker.setProperty(server.prefix + "dir", workingDirectory.toRealPath().toString());
            storeMarker(dir, marker);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the " + server.label + " server in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@link #recordServer} for a server that has just started; when the record cannot be written the server is
     * stopped again, since no later cleanup could prove it ours.
     *
     * @return {@code started}
     */
    <T extends AutoCloseable> T recordOrStop(Server server, long pid, Path workingDirectory, T started) {
        try {
            recordServer(server, pid, workingDirectory);
            return started;
        } catch (RuntimeException e) {
            try {
                started.close();
            } catch (Exception stopFailure) {
                e.addSuppressed(stopFailure);
            }
            throw e;
        }
    }

    /**
     * Deletes the workspace. Servers are normally stopped before; one still running (e.g. an interrupt arrived
     * while it was starting, before anyone held a handle on it) is stopped first if its record matches, so deleting
     * the directory never orphans a server that could no longer be found.
     */
    @Override
    public void close() {
        Outcome outcome = stopServersOf(dir);
        if (outcome.unverified.isEmpty()) {
            deleteRecursively(dir);
        } else {
            throw new DatastoreException("kept " + dir + ": " + String.join("; ", outcome.unverified));
        }
    }

    /**
     * Removes the workspaces under {@code root} whose owning JVM is no longer running (pid gone, or now a different
     * process), after stopping their servers. Directories without loadbench's marker are left alone.
     *
     * @return one line per stale workspace: removed (saying what was stopped) or kept (saying why)
     * @throws DatastoreException with one line naming the root when it is a symbolic link, owned by another user, or
     *                            a non-empty directory loadbench did not create
     */
    public static List<String> cleanStale(Path root) {
        List<String> lines = new ArrayList<>();
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return lines;
        }
        prepareRoot(root);
        try (DirectoryStream<Path> children = Files.newDirectoryStream(root)) {
            for (Path child : children) {
                if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS) && isStale(child)) {
                    lines.add(removeStale(child));
                }
            }
        } catch (IOException e) {
            lines.add("could not list " + root + ": " + e.getMessage());
        }
        return lines;
    }

    /**
     * Whether {@code workspace} is a loadbench workspace whose JVM is gone: it carries the marker, and the recorded pid
     * runs no process, or a process that started at another time (the pid was reused). A directory without the marker
     * is never stale; neither is one whose owner runs but whose start time cannot be compared.
     */
    static boolean isStale(Path workspace) {
        Optional<Properties> marker = loadMarker(workspace);
        if (marker.isEmpty()) {
            return false;
        }
        Optional<ProcessIdentity> owner = ProcessIdentity.read(marker.get(), OWNER_PREFIX);
        if (owner.isEmpty()) {
            return false; // a marker being written, or damaged: not provably ours to delete
        }
        Optional<ProcessIdentity> running = ProcessIdentity.ofRunning(owner.get().pid());
        if (running.isEmpty()) {
            return true;
        }
        return owner.get().comparableWith(running.get()) && !owner.get().sameAs(running.get());
    }

    private static String removeStale(Path workspace) {
        Outcome outcome = stopServersOf(workspace);
        if (!outcome.unverified.isEmpty()) {
            return "kept stale embedded servers' directory " + workspace + ": " + String.join("; ", outcome.unverified);
        }
        deleteRecursively(workspace);
        return "removed stale embedded servers' directory " + workspace
                + (outcome.stopped.isEmpty() ? " (no server was running)" : " after stopping " + String.join(" and ", outcome.stopped));
    }

    /** What stopping a workspace's servers did: which were stopped, and which might run but could not be verified. */
    private record Outcome(List<String> stopped, List<String> unverified) {
    }

    private static Outcome stopServersOf(Path workspace) {
        List<String> stopped = new ArrayList<>();
        List<String> unverified = new ArrayList<>();
        Properties marker = loadMarker(workspace).orElseGet(Properties::new);
        for (Server server : Server.values()) {
            Optional<ProcessIdentity> recorded = ProcessIdentity.read(marker, server.prefix);
            String recordedDir = marker.getProperty(server.prefix + "dir");
            if (recorded.isPresent() && recordedDir != null) {
                Optional<ProcessIdentity> running = ProcessIdentity.ofRunning(recorded.get().pid());
                if (running.isEmpty() || !recorded.get().sameAs(running.get())) {
                    continue; // gone; a pid now running something else is not ours and is never signalled
                }
                Optional<Path> cwd = ProcessIdentity.workingDirectory(recorded.get().pid());
                if (cwd.isPresent() && cwd.get().equals(Path.of(recordedDir))) {
                    stop(recorded.get().pid(), server.signal);
                    stopped.add(server.label + " pid " + recorded.get().pid());
                } else if (exitsWithin(recorded.get().pid(), EXITING_WAIT)) {
                    // a server that was just told to stop is still exiting: its /proc/<pid>/cwd is already unreadable
                    continue;
                } else {
                    unverified.add(server.label + " pid " + recorded.get().pid() + " runs but not in " + recordedDir
                            + ", so it was not signalled");
                }
                continue;
            }
            // no record (killed between the server's start and its record): signal nothing, but do not delete the
            // directory from under a server that may be running in it
            Optional<Long> pid = readPid(workspace.resolve(server.pidFile));
            if (pid.isPresent() && ProcessIdentity.ofRunning(pid.get()).isPresent()) {
                unverified.add(server.label + " pid " + pid.get() + " from " + server.pidFile
                        + " runs and the workspace has no record of it; if it is that server, stop it by hand"
                        + (server == Server.POSTGRES ? " (pg_ctl stop -m immediate -D " + workspace.resolve(POSTGRES_DIR) + ")"
                        : " (kill " + pid.get() + ")") + " and delete the directory");
            }
        }
        return new Outcome(stopped, unverified);
    }

    /** The first line of a pid file (PostgreSQL's postmaster.pid and Redis's pid file both start with the pid). */
    static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean exitsWithin(long pid, Duration wait) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            return true;
        }
        try {
            handle.get().onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return !handle.get().isAlive();
        }
    }

    /** Sends {@code signal} to a verified server, then SIGKILL if it has not exited after {@link #STOP_WAIT}. */
    private static void stop(long pid, String signal) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isEmpty()) {
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            handle.get().destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            handle.get().onExit().get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            handle.get().destroyForcibly();
        }
    }

    /**
     * Checks the root, creating and marking it when it does not exist or is empty.
     *
     * @throws DatastoreException naming the root when loadbench must not work there
     */
    static void prepareRoot(Path root) {
        try {
            if (Files.isSymbolicLink(root)) {
                throw refused(root, "is a symbolic link (to " + Files.readSymbolicLink(root) + ")");
            }
            if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                if (root.getParent() != null) {
                    Files.createDirectories(root.getParent());
                }
                createPrivateDirectory(root);
            } else if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
                throw refused(root, "is not a directory");
            }
            Optional<String> foreignOwner = foreignOwner(root);
            if (foreignOwner.isPresent()) {
                throw refused(root, "is owned by " + foreignOwner.get() + ", not by this user");
            }
            Path rootMarker = root.resolve(ROOT_MARKER_FILE);
            if (Files.isRegularFile(rootMarker, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            try (DirectoryStream<Path> children = Files.newDirectoryStream(root)) {
                if (children.iterator().hasNext()) {
                    throw refused(root, "was not created by loadbench (no " + ROOT_MARKER_FILE + ") and is not empty");
                }
            }
            Files.writeString(rootMarker, "Created by loadbench for its embedded servers. loadbench removes only the"
                    + " subdirectories that carry its " + MARKER_FILE + " marker and whose JVM is gone.\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DatastoreException("embedded servers' directory " + root + ": " + e.getMessage(), e);
        }
    }

    private static DatastoreException refused(Path root, String why) {
        return new DatastoreException("embedded servers' directory " + root + " " + why
                + ": loadbench will not create or delete anything there; point -D" + ROOT_PROPERTY
                + " at a new or empty directory of your own");
    }

    /** The owner of {@code path} when it is not this process's user, compared by uid on Linux, by name elsewhere. */
    private static Optional<String> foreignOwner(Path path) throws IOException {
        try {
            Object ownerUid = Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            // /proc/self belongs to this process's effective uid
            Object selfUid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return ownerUid.equals(selfUid) ? Optional.empty() : Optional.of("uid " + ownerUid);
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
            String owner = Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName();
            return owner.equals(System.getProperty("user.name")) ? Optional.empty() : Optional.of(owner);
        }
    }

    /** A directory only its owner can enter: the Redis config and the server logs are nobody else's business. */
    private static void createPrivateDirectory(Path dir) throws IOException {
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectory(dir);
        }
    }

    private static Optional<Properties> loadMarker(Path workspace) {
        Path file = workspace.resolve(MARKER_FILE);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        Properties marker = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            marker.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return MARKER_VALUE.equals(marker.getProperty(MARKER_KEY)) ? Optional.of(marker) : Optional.empty();
    }

    /** Written to a temporary file and moved, so a reader never sees half a marker. */
    private static void storeMarker(Path workspace, Properties marker) throws IOException {
        Path tmp = workspace.resolve(MARKER_FILE + ".tmp");
        try (var out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            marker.store(out, "loadbench embedded servers: the JVM that owns them and the servers it started");
        }
        Files.move(tmp, workspace.resolve(MARKER_FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Deletes a tree without following symbolic links (a link is removed, never what it points to). */
    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }
}
