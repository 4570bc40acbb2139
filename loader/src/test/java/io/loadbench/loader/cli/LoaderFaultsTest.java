package io.loadbench.loader.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadbench.datastores.ClientTimeouts;
import io.loadbench.datastores.Datastores;
import io.loadbench.datastores.TargetSpec;
import io.loadbench.datastores.testing.ServerFaults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loader's command line against servers that fail under it: PostgreSQL frozen (SIGSTOP) or restarted in the middle
 * of a load, Redis frozen in the middle of a fill, and servers that accept a connection and never answer. Each ends
 * within its bound with one line naming the server, a non-zero exit and a FAILED run folder, and what was committed
 * before the fault is kept: {@code --resume} finishes the load. Each test starts private embedded servers (the test
 * JVM's shared ones are never frozen) and continues and stops them whatever happens.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class LoaderFaultsTest {

    private static final Duration STALL_BOUND = Duration.ofSeconds(2);
    /** The liveness probe's reply bound in these tests (10 s by default); the probe then runs every second. */
    private static final Duration UNRESPONSIVE_BOUND = Duration.ofSeconds(3);
    private static final int ROWS = 200_000;
    private static final int BATCH = 5_000;

    @TempDir
    Path results;

    private Datastores servers;

    @BeforeEach
    void shortBounds() {
        System.setProperty(ClientTimeouts.COPY_STALL_TIMEOUT_PROPERTY, Long.toString(STALL_BOUND.toSeconds()));
        System.setProperty(ClientTimeouts.REDIS_REPLY_TIMEOUT_PROPERTY, Long.toString(STALL_BOUND.toSeconds()));
        System.setProperty(ClientTimeouts.UNRESPONSIVE_TIMEOUT_PROPERTY, Long.toString(UNRESPONSIVE_BOUND.toSeconds()));
    }

    @AfterEach
    void restore() {
        System.clearProperty(ClientTimeouts.COPY_STALL_TIMEOUT_PROPERTY);
        System.clearProperty(ClientTimeouts.REDIS_REPLY_TIMEOUT_PROPERTY);
        System.clearProperty(ClientTimeouts.UNRESPONSIVE_TIMEOUT_PROPERTY);
        if (servers != null) {
            servers.close();
        }
    }

    private Datastores privateServers() {
        servers = Datastores.open(TargetSpec.embedded());
        return servers;
    }

    private String[] events(String command, String pgUrl, String... more) {
        return Stream.concat(Stream.of(command, "events", "--rows", Integer.toString(ROWS), "--users", "1000",
                "--batch-size", Integer.toString(BATCH), "--workers", "1", "--pg-url", pgUrl,
                "--results", results.toString()), Stream.of(more)).toArray(String[]::new);
    }

    @Test
    void postgresFrozenInTheMiddleOfALoadFailsItWithinTheStallBoundAndResumeFinishesIt() throws Exception {
        Datastores pg = privateServers();
        String url = pg.postgres().jdbcUrlWithCredentials();
        String hostAndPort = pg.postgres().hostAndPort();

        CompletableFuture<CliRun> load = CompletableFuture.supplyAsync(() -> CliRun.of(Map.of(), "frozen", events("load", url)));
        awaitCommittedBatches(pg, 3, load);
        Ended ended = endsWhileFrozen(() -> ServerFaults.freeze(pg.embeddedPostgres()), load);
        CliRun failed = ended.run();
        Duration took = ended.afterFault();

        assertOneLineFailure(failed, "PostgreSQL at " + hostAndPort + " made no progress for 2 s", "connection aborted");
        // the stall bound and a quarter of it for the watchdog's period, then the dataset lock's release on the frozen
        // server, ended by the liveness probe (period + bound) if not by the short-statement bound, and a busy machine
        assertThat(took).isLessThan(STALL_BOUND.multipliedBy(2).plus(UNRESPONSIVE_BOUND.multipliedBy(2)).plusSeconds(6));
        JsonNode manifest = onlyManifest("load-events");
        assertThat(manifest.path("status").asText()).isEqualTo("FAILED");
        assertThat(manifest.path("failureReason").asText()).contains("made no progress");

        long committed = count(pg, "SELECT count(*) FROM events");
        assertThat(committed).as("committed batches are kept").isPositive().isLessThan(ROWS).isEqualTo(committed / BATCH * BATCH);
        CliRun resumed = CliRun.of(Map.of(), "frozen", events("load", url, "--resume"));
        assertThat(resumed.exitCode()).as("resume: %s %s", resumed.out(), resumed.err()).isZero();
        assertThat(count(pg, "SELECT count(*) FROM events")).isEqualTo(ROWS);
        assertThat(count(pg, "SELECT count(DISTINCT event_id) FROM events")).isEqualTo(ROWS);
    }

    @Test
    void postgresFrozenUnderTheDefaultStallBoundIsFoundUnresponsiveByItsLivenessProbe() throws Exception {
        System.clearProperty(ClientTimeouts.COPY_STALL_TIMEOUT_PROPERTY); // 60 s: the liveness probe must end it first
        Datastores pg = privateServers();
        String url = pg.postgres().jdbcUrlWithCredentials();

        CompletableFuture<CliRun> load = CompletableFuture.supplyAsync(() -> CliRun.of(Map.of(), "frozen", events("load", url)));
        awaitCommittedBatches(pg, 3, load);
        Ended ended = endsWhileFrozen(() -> ServerFaults.freeze(pg.embeddedPostgres()), load);
        CliRun failed = ended.run();
        Duration took = ended.afterFault();

        assertOneLineFailure(failed, "PostgreSQL at " + pg.postgres().hostAndPort() + " stopped answering",
                "its connections were aborted");
        // probe period + probe bound (the lock's connection is aborted with the others), and a busy machine
        assertThat(took).isLessThan(UNRESPONSIVE_BOUND.multipliedBy(2).plusSeconds(6));
        assertThat(onlyManifest("load-events").path("failureReason").asText()).contains("stopped answering");
    }

    @Test
    void verifyWaitingOnALockWhenPostgresFreezesEndsWithOneLineWithinTheUnresponsiveBound() throws Exception {
        Datastores pg = privateServers();
        String url = pg.postgres().jdbcUrlWithCredentials();
        String[] verify = {"verify", "events", "--rows", "10K", "--users", "100", "--pg-url", url, "--results", results.toString()};
        assertThat(CliRun.of(Map.of(), "verify", "load", "events", "--rows", "10K", "--users", "100", "--pg-url", url,
                "--results", results.toString()).exitCode()).isZero();

        // the test's own connections, not the target's (whose plain connections the liveness probe aborts)
        try (Connection blocker = java.sql.DriverManager.getConnection(url); Statement lock = blocker.createStatement();
             Connection observer = java.sql.DriverManager.getConnection(url); Statement poll = observer.createStatement()) {
            // the verification's first query waits for this lock: a statement that is rightly slow, on a live server
            blocker.setAutoCommit(false);
            lock.execute("LOCK TABLE events IN ACCESS EXCLUSIVE MODE");
            CompletableFuture<CliRun> verifying = CompletableFuture.supplyAsync(() -> CliRun.of(Map.of(), "verify", verify));
            await(() -> {
                try (ResultSet rs = poll.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                        + " AND application_name LIKE 'loadbench%'")) {
                    rs.next();
                    return rs.getLong(1) > 0;
                }
            }, verifying, "a verification query waiting on the lock");
            Ended ended = endsWhileFrozen(() -> ServerFaults.freeze(pg.embeddedPostgres()), verifying);
            CliRun failed = ended.run();
            Duration took = ended.afterFault();
            blocker.rollback();

            assertOneLineFailure(failed, "PostgreSQL at " + pg.postgres().hostAndPort() + " stopped answering");
            assertThat(took).isLessThan(UNRESPONSIVE_BOUND.multipliedBy(2).plusSeconds(6));
        }
    }

    @Test
    void postgresRestartedInTheMiddleOfALoadFailsItWithOneLineAndResumeFinishesIt() throws Exception {
        Datastores pg = privateServers();
        String url = pg.postgres().jdbcUrlWithCredentials();
        String hostAndPort = pg.postgres().hostAndPort();

        CompletableFuture<CliRun> load = CompletableFuture.supplyAsync(() -> CliRun.of(Map.of(), "restart", events("load", url)));
        awaitCommittedBatches(pg, 3, load);
        try (ServerFaults.Restarted restarted = ServerFaults.restart(pg.embeddedPostgres())) {
            CliRun failed = endOf(load);

            assertOneLineFailure(failed, hostAndPort);
            JsonNode manifest = onlyManifest("load-events");
            assertThat(manifest.path("status").asText()).isEqualTo("FAILED");

            CliRun resumed = CliRun.of(Map.of(), "restart", events("load", url, "--resume"));
            assertThat(resumed.exitCode()).as("resume: %s %s", resumed.out(), resumed.err()).isZero();
            assertThat(resumed.out()).contains("already committed, skipped");
            assertThat(count(pg, "SELECT count(*) FROM events")).isEqualTo(ROWS);
            assertThat(count(pg, "SELECT count(DISTINCT event_id) FROM events")).isEqualTo(ROWS);
        }
    }

    @Test
    void redisFrozenInTheMiddleOfAFillFailsTheLoadWithinTheReplyBound() throws Exception {
        Datastores stores = privateServers();
        String prefix = "lb:faults";
        String marker = prefix + ":loadbench";
        String[] args = {"load", "analytics", "--rows", "20K", "--orgs", "200", "--users-per-org", "50", "--time-buckets", "48",
                "--key-prefix", prefix, "--pg-url", stores.postgres().jdbcUrlWithCredentials(),
                "--redis-url", stores.redis().urlWithCredentials(), "--results", results.toString()};

        CompletableFuture<CliRun> load = CompletableFuture.supplyAsync(() -> CliRun.of(Map.of(), "frozen-redis", args));
        try (Jedis jedis = stores.openRedisConnection()) {
            await(() -> jedis.exists(marker), load, "the fill's marker key");
        }
        Ended ended = endsWhileFrozen(() -> ServerFaults.freeze(stores.embeddedRedis()), load);
        CliRun failed = ended.run();
        Duration took = ended.afterFault();

        assertOneLineFailure(failed, "Redis at " + stores.redis().hostAndPort(), "no reply for 2 s");
        // the reply bound, and the writer's own deadline (reply bound + 5 s) if it was blocked in a send
        assertThat(took).isLessThan(STALL_BOUND.plusSeconds(5 + 6));
        assertThat(onlyManifest("load-analytics").path("status").asText()).isEqualTo("FAILED");
    }

    @Test
    void postgresThatAcceptsAndNeverAnswersFailsTheLoadAtTheLoginBound() throws Exception {
        try (BlackHole hole = new BlackHole()) {
            long started = System.nanoTime();
            CliRun failed = CliRun.of(Map.of(), "black-hole", events("load",
                    "jdbc:postgresql://127.0.0.1:" + hole.port() + "/bench?user=u&password=secret-pw&loginTimeout=2"));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertOneLineFailure(failed, "127.0.0.1:" + hole.port());
            assertThat(failed.err()).doesNotContain("secret-pw");
            assertThat(took).isLessThan(Duration.ofSeconds(2 + 8));
            assertThat(onlyManifest("load-events").path("status").asText()).isEqualTo("FAILED");
            assertThat(hole.accepted()).isPositive();
        }
    }

    @Test
    void redisThatAcceptsAndNeverAnswersFailsTheLoadBeforePostgresIsTouched() throws Exception {
        Datastores stores = io.loadbench.datastores.testing.TestDatastores.embedded(); // nothing is frozen here
        try (BlackHole hole = new BlackHole();
             io.loadbench.loader.testing.TestSchema schema = new io.loadbench.loader.testing.TestSchema(stores)) {
            long started = System.nanoTime();
            CliRun failed = CliRun.of(Map.of(), "black-hole", "load", "analytics", "--rows", "2K", "--orgs", "3",
                    "--users-per-org", "5", "--time-buckets", "2",
                    "--pg-url", stores.postgres().jdbcUrlWithCredentials() + "&currentSchema=" + schema.name(),
                    "--redis-url", "redis://default:secret-pw@127.0.0.1:" + hole.port(), "--results", results.toString());
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertOneLineFailure(failed, "--redis-url", "127.0.0.1:" + hole.port(), "nothing was loaded");
            assertThat(failed.err()).doesNotContain("secret-pw");
            assertThat(took).as("the readiness check's 10-s reply bound").isLessThan(Duration.ofSeconds(10 + 8));
            assertThat(count(stores, "SELECT count(*) FROM pg_tables WHERE schemaname = '" + schema.name() + "'"))
                    .as("tables created in the load's schema").isZero();
        }
    }

    private static void assertOneLineFailure(CliRun run, String... fragments) {
        assertThat(run.exitCode()).as("exit code; stdout %s stderr %s", run.out(), run.err()).isNotZero();
        // progress lines: the tables' (load <dataset>) and the output steps' (redis:analytics, file:...)
        List<String> lines = run.err().lines().filter(line -> !line.isBlank()).filter(line -> !line.startsWith("load events")
                && !line.startsWith("load analytics") && !line.startsWith("redis:") && !line.startsWith("file:")
                && !line.startsWith("warning:")).toList();
        assertThat(lines).as("stderr, progress lines aside:%n%s", run.err()).hasSize(1);
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
        for (String fragment : fragments) {
            assertThat(lines.get(0)).contains(fragment);
        }
    }

    private JsonNode onlyManifest(String name) throws IOException {
        try (Stream<Path> folders = Files.list(results)) {
            List<Path> matching = folders.filter(Files::isDirectory).filter(p -> p.getFileName().toString().contains(name)).toList();
            assertThat(matching).as("run folders of %s in %s", name, results).hasSize(1);
            return new ObjectMapper().readTree(matching.get(0).resolve("manifest.json").toFile());
        }
    }

    private static void awaitCommittedBatches(Datastores pg, int batches, CompletableFuture<CliRun> load) throws Exception {
        try (Connection c = pg.openPgConnection(); Statement s = c.createStatement()) {
            await(() -> {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'loadbench_load_progress'")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return false;
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM loadbench_load_progress WHERE table_name = 'events'")) {
                    rs.next();
                    return rs.getLong(1) >= batches;
                }
            }, load, batches + " committed batches");
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(Condition condition, CompletableFuture<CliRun> load, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.holds()) {
            if (load.isDone()) {
                CliRun run = load.get();
                throw new AssertionError("the load ended before " + what + ": exit " + run.exitCode() + "\n" + run.out() + run.err());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within 120 s");
            }
            Thread.sleep(2);
        }
    }

    /** How a command ended after its fault: what it printed and how long after the fault it ended. */
    private record Ended(CliRun run, Duration afterFault) {
    }

    /** Freezes a server, waits (bounded) for {@code command} to end, and always continues the server. */
    private static Ended endsWhileFrozen(java.util.function.Supplier<ServerFaults.Frozen> freeze,
                                         CompletableFuture<CliRun> command) throws Exception {
        long frozenAt;
        CliRun run;
        try (ServerFaults.Frozen frozen = freeze.get()) {
            frozenAt = System.nanoTime();
            run = endOf(command);
        }
        return new Ended(run, Duration.ofNanos(System.nanoTime() - frozenAt));
    }

    /** The load's end, at most 60 s away; a load still running then fails the test with every thread's stack. */
    private static CliRun endOf(CompletableFuture<CliRun> load) throws Exception {
        try {
            return load.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            StringBuilder dump = new StringBuilder("the load did not end within 60 s of the fault; its threads:\n");
            Thread.getAllStackTraces().forEach((thread, stack) -> {
                dump.append('"').append(thread.getName()).append("\" ").append(thread.getState()).append('\n');
                for (StackTraceElement frame : stack) {
                    dump.append("    at ").append(frame).append('\n');
                }
            });
            throw new AssertionError(dump.toString(), e);
        }
    }

    private static long count(Datastores pg, String sql) throws Exception {
        try (Connection c = pg.openPgConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A TCP server on 127.0.0.1 that accepts every connection, reads what it is sent and never answers. */
    static final class BlackHole implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> clients = new ArrayList<>();
        private final Thread acceptor;

        BlackHole() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(this::acceptForever, "black-hole-" + server.getLocalPort());
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        synchronized int accepted() {
            return clients.size();
        }

        private void acceptForever() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    synchronized (this) {
                        clients.add(client);
                    }
                    Thread reader = new Thread(() -> drain(client), "black-hole-reader");
                    reader.setDaemon(true);
                    reader.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private static void drain(Socket client) {
            try (InputStream in = client.getInputStream()) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException closed) {
                // the client gave up
            }
        }

        @Override
        public synchronized void close() throws IOException {
            server.close();
            for (Socket client : clients) {
                client.close();
            }
        }
    }
}
