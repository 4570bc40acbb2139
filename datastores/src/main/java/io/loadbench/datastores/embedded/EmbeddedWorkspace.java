package io.loadbench.datastores.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The directory that holds one JVM's embedded servers: {@code <root>/<pid>-<id>/} with an {@code owner.properties}
 * naming the JVM (pid and start time), PostgreSQL's data directory {@code pgdata/} and Redis's {@code redis/}.
 * The root is {@code ${java.io.tmpdir}/loadbench-embedded} unless the system property {@value #ROOT_PROPERTY} says
 * otherwise, so the leftovers of a killed run can be found: {@link #cleanStale(Path)} stops the servers of every
 * workspace whose JVM is gone and deletes it. {@link #create(Path)} does that first.
 */
public final class EmbeddedWorkspace implements AutoCloseable {

    /** System property overriding the root directory of all workspaces. */
    public static final String ROOT_PROPERTY = "loadbench.embedded.dir";
    static final String OWNER_FILE = "owner.properties";
    static final String POSTGRES_DIR = "pgdata";
    static final String REDIS_DIR = "redis";
    static final String REDIS_PID_FILE = "redis.pid";

    /** A directory without an owner file younger than this may be one another JVM is creating right now. */
    private static final Duration OWNERLESS_GRACE = Duration.ofMinutes(10);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final Path dir;

    private EmbeddedWorkspace(Path dir) {
        this.dir = dir;
    }

    /** The default root: {@code ${java.io.tmpdir}/loadbench-embedded}, or the {@value #ROOT_PROPERTY} property. */
    public static Path defaultRoot() {
        String override = System.getProperty(ROOT_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "loadbench-embedded");
    }

    /** Cleans stale workspaces under {@code root}, then creates this JVM's new one. */
    public static EmbeddedWorkspace create(Path root) {
        cleanStale(root);
        ProcessHandle self = ProcessHandle.current();
        Path dir = root.resolve(self.pid() + "-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            Files.createDirectories(dir);
            Properties owner = new Properties();
            owner.setProperty("pid", Long.toString(self.pid()));
            self.info().startInstant().ifPresent(start -> owner.setProperty("startedAt", start.toString()));
            Path tmp = dir.resolve(OWNER_FILE + ".tmp");
            try (var out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                owner.store(out, "the JVM that owns these embedded servers");
            }
            Files.move(tmp, dir.resolve(OWNER_FILE));
            Files.createDirectories(dir.resolve(REDIS_DIR));
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
     * Deletes the workspace. Servers are normally stopped before; one still running (e.g. an interrupt arrived
     * while it was starting, before anyone held a handle on it) is stopped first through its pid file, so
     * deleting the directory never orphans a server that could no longer be found.
     */
    @Override
    public void close() {
        stopServersOf(dir);
        deleteRecursively(dir);
    }

    /**
     * Stops the servers of every workspace under {@code root} whose owning JVM is no longer running (or whose pid
     * now belongs to another process), then deletes the workspace.
     *
     * @return one line per workspace removed, saying what was stopped
     */
    public static List<String> cleanStale(Path root) {
        List<String> removed = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return removed;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(root)) {
            for (Path child : children) {
                if (Files.isDirectory(child) && isStale(child)) {
                    removed.add(removeStale(child));
                }
            }
        } catch (IOException e) {
            removed.add("could not list " + root + ": " + e.getMessage());
        }
        return removed;
    }

    static boolean isStale(Path workspace) {
        Path ownerFile = workspace.resolve(OWNER_FILE);
        if (!Files.exists(ownerFile)) {
            try {
                Instant modified = Files.getLastModifiedTime(workspace).toInstant();
                return modified.isBefore(Instant.now().minus(OWNERLESS_GRACE));
            } catch (IOException e) {
                return false;
            }
        }
        Properties owner = new Properties();
        try (var in = Files.newBufferedReader(ownerFile, StandardCharsets.UTF_8)) {
            owner.load(in);
        } catch (IOException e) {
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(owner.getProperty("pid", ""));
        } catch (NumberFormatException e) {
            return true;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return true;
        }
        String recordedStart = owner.getProperty("startedAt");
        Optional<Instant> actualStart = process.get().info().startInstant();
        if (recordedStart == null || actualStart.isEmpty()) {
            return false;
        }
        // the pid was reused by another process if its start time differs (both read from /proc, to the tick)
        Duration difference = Duration.between(Instant.parse(recordedStart), actualStart.get()).abs();
        return difference.compareTo(Duration.ofSeconds(1)) > 0;
    }

    private static String removeStale(Path workspace) {
        List<String> stopped = stopServersOf(workspace);
        deleteRecursively(workspace);
        return "removed stale embedded servers' directory " + workspace
                + (stopped.isEmpty() ? " (no server was running)" : " after stopping " + String.join(" and ", stopped));
    }

    /** Stops the servers whose pid files are in the workspace, if they still run; says which were stopped. */
    private static List<String> stopServersOf(Path workspace) {
        List<String> stopped = new ArrayList<>();
        readPid(workspace.resolve(POSTGRES_DIR).resolve("postmaster.pid"))
                .filter(pid -> stop(pid, "postgres", "QUIT"))
                .ifPresent(pid -> stopped.add("PostgreSQL pid " + pid));
        readPid(workspace.resolve(REDIS_DIR).resolve(REDIS_PID_FILE))
                .filter(pid -> stop(pid, "redis", "TERM"))
                .ifPresent(pid -> stopped.add("Redis pid " + pid));
        return stopped;
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

    /**
     * Stops a leftover server if the pid still runs a program whose name contains {@code expectedCommand}
     * (so a reused pid is never signalled). PostgreSQL gets SIGQUIT (immediate shutdown: the postmaster stops
     * its children at once), Redis SIGTERM; SIGKILL follows if it does not exit in time.
     *
     * @return true if a matching process was running
     */
    static boolean stop(long pid, String expectedCommand, String signal) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isEmpty()) {
            return false;
        }
        String command = handle.get().info().command().orElse("");
        if (!command.contains(expectedCommand)) {
            return false;
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
        return true;
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
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
