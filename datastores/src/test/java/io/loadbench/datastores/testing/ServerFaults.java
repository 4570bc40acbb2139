package io.loadbench.datastores.testing;

import io.loadbench.datastores.embedded.EmbeddedPostgresServer;
import io.loadbench.datastores.embedded.EmbeddedRedisServer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Faults injected into embedded servers that a test started for itself ({@code Datastores.open(TargetSpec.embedded())},
 * never {@link TestDatastores#embedded()}, which other tests share): freezing a server with SIGSTOP, as a hung VM or
 * a dead network path looks to a client, and restarting PostgreSQL. Every command is bounded.
 */
public final class ServerFaults {

    private static final long COMMAND_WAIT_SECONDS = 60;

    private ServerFaults() {
    }

    /** A server stopped with SIGSTOP; {@link #close()} continues it (SIGCONT), and may be called more than once. */
    public static final class Frozen implements AutoCloseable {
        private final List<Long> pids;
        private boolean thawed;

        private Frozen(List<Long> pids) {
            this.pids = List.copyOf(pids);
            try {
                signal("STOP", this.pids);
            } catch (RuntimeException e) {
                // some may be stopped already: a server left frozen outlives the test and cannot be stopped cleanly
                signal("CONT", this.pids);
                throw e;
            }
        }

        /** The processes stopped. */
        public List<Long> pids() {
            return pids;
        }

        @Override
        public synchronized void close() {
            if (!thawed) {
                thawed = true;
                signal("CONT", pids);
            }
        }
    }

    /** Stops the postmaster and every backend and background process of {@code server}. */
    public static Frozen freeze(EmbeddedPostgresServer server) {
        long postmaster = server.pid();
        List<Long> pids = new ArrayList<>();
        pids.add(postmaster);
        ProcessHandle.of(postmaster).ifPresent(p -> p.descendants().forEach(d -> pids.add(d.pid())));
        return new Frozen(pids);
    }

    /** Stops redis-server (one process: its I/O threads stop with it). */
    public static Frozen freeze(EmbeddedRedisServer server) {
        return new Frozen(List.of(server.pid()));
    }

    /**
     * Restarts {@code server} as an operator or a failover would: a fast shutdown (SIGINT: every session is
     * terminated), then the same postmaster command line again, on the same port with the same data and password.
     * Returns when it accepts logins again ({@code pg_ctl} is not used: it refuses to run as root,
     * which CI is). The restarted postmaster is this JVM's child and not in the embedded
     * workspace's records: close the returned handle to stop it before the servers are closed.
     */
    public static Restarted restart(EmbeddedPostgresServer server) {
        ProcessHandle postmaster = ProcessHandle.of(server.pid())
                .orElseThrow(() -> new IllegalStateException("no postmaster running (pid " + server.pid() + ")"));
        List<String> command = new ArrayList<>();
        if (runningAsRoot()) {
            // as zonky starts it: PostgreSQL refuses to run as root, and runs as root mapped away in a user namespace
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(postmaster.info().command().orElseThrow(() -> new IllegalStateException("cannot read the postmaster's command")));
        command.addAll(List.of(postmaster.info().arguments().orElseThrow(() -> new IllegalStateException("cannot read its arguments"))));
        signal("INT", List.of(postmaster.pid()));
        try {
            postmaster.onExit().get(COMMAND_WAIT_SECONDS, TimeUnit.SECONDS);
            java.io.File log = server.dataDir().resolveSibling("postgres-restarted.log").toFile();
            Process started = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
            Restarted restarted = new Restarted(started);
            awaitLogin(server, restarted, log.toPath());
            return restarted;
        } catch (java.io.IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("restarting PostgreSQL failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restarting PostgreSQL", e);
        }
    }

    /** A postmaster {@link #restart} started; {@link #close()} shuts it down (fast) and waits for it. */
    public static final class Restarted implements AutoCloseable {
        private final Process postmaster;

        private Restarted(Process postmaster) {
            this.postmaster = postmaster;
        }

        @Override
        public void close() {
            if (!postmaster.isAlive()) {
                return;
            }
            signal("INT", List.of(postmaster.pid()));
            try {
                if (!postmaster.waitFor(COMMAND_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    postmaster.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                postmaster.destroyForcibly();
            }
        }
    }

    private static void awaitLogin(EmbeddedPostgresServer server, Restarted restarted, Path log) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(COMMAND_WAIT_SECONDS);
        java.util.Properties login = new java.util.Properties();
        login.setProperty("user", server.endpoint().user());
        login.setProperty("password", server.endpoint().password());
        login.setProperty("connectTimeout", "2");
        login.setProperty("loginTimeout", "2");
        while (true) {
            try (java.sql.Connection c = new org.postgresql.Driver().connect(server.endpoint().jdbcUrl(), login)) {
                return;
            } catch (java.sql.SQLException notYet) {
                if (!restarted.postmaster.isAlive() || System.nanoTime() > deadline) {
                    restarted.close();
                    throw new IllegalStateException("the restarted PostgreSQL did not accept a login within "
                            + COMMAND_WAIT_SECONDS + " s: " + notYet.getMessage() + "; its log: " + lastLines(log), notYet);
                }
                Thread.sleep(50);
            }
        }
    }

    private static boolean runningAsRoot() {
        try {
            return Integer.valueOf(0).equals(java.nio.file.Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static String lastLines(Path log) {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (java.io.IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** Signals every process of {@code pids} still running (a backend may exit in between: that one is skipped). */
    private static void signal(String signal, List<Long> pids) {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        try {
            run(command);
        } catch (IllegalStateException e) {
            boolean onlyGoneProcesses = e.getMessage().contains("exited with 1")
                    && e.getMessage().substring(e.getMessage().indexOf("exited with 1")).lines()
                    .allMatch(line -> line.contains("No such process") || line.endsWith("exited with 1:"));
            if (!onlyGoneProcesses) {
                throw e;
            }
        }
    }

    private static void run(List<String> command) {
        java.io.File output = null;
        try {
            output = java.io.File.createTempFile("loadbench-fault", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output).start();
            if (!process.waitFor(COMMAND_WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not end within " + COMMAND_WAIT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " exited with " + process.exitValue() + ": "
                        + java.nio.file.Files.readString(output.toPath()).strip());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(command + " could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(command + " interrupted", e);
        } finally {
            if (output != null) {
                output.delete();
            }
        }
    }
}
