package io.loadbench.loader.sink.postgres;

import io.loadbench.datastores.Datastores;
import io.loadbench.datastores.TargetSpec;
import io.loadbench.datastores.testing.TestDatastores;
import io.loadbench.loader.encode.CopyEncoder;
import io.loadbench.loader.spi.ColumnSpec;
import io.loadbench.loader.spi.PgType;
import io.loadbench.loader.spi.RowGenerator;
import io.loadbench.loader.spi.TableSpec;
import io.loadbench.loader.testing.TestSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A PostgreSQL that freezes in the middle of a COPY (its postmaster and every backend stopped with SIGSTOP) fails the
 * load within the stall timeout with one line naming {@code host:port}, instead of hanging it forever; the batch in
 * flight is rolled back. Runs on a private embedded server (this test JVM's shared one is never frozen), which is
 * always continued (SIGCONT) and stopped.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CopyStallTest {

    private static final int BATCH_ROWS = 20_000;
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(2);

    @Test
    void aServerFrozenDuringCopyFailsTheLoadWithinTheStallTimeoutNamingHostAndPort() throws Exception {
        try (Datastores datastores = Datastores.open(TargetSpec.embedded());
             TestSchema schema = new TestSchema(datastores)) {
            long postmasterPid;
            try (Connection c = schema.open()) {
                ProgressTable.ensureExists(c);
                ParallelCopyLoader.execute(c, List.of("CREATE TABLE lb_loader_stall (id bigint NOT NULL, payload text NOT NULL)"));
            }
            postmasterPid = datastores.embeddedPostgres().pid();
            String hostAndPort = datastores.postgres().hostAndPort();
            List<Long> frozen = new ArrayList<>();
            AtomicLong frozenAtNanos = new AtomicLong();
            // freezes the server once, when the second batch's COPY is under way (the first is committed)
            Runnable freeze = () -> {
                frozen.addAll(postgresProcesses(postmasterPid));
                signal("STOP", frozen);
                frozenAtNanos.set(System.nanoTime());
            };
            ParallelCopyLoader loader = new ParallelCopyLoader(schema.connections(), "stall-test", BATCH_ROWS, 1,
                    CopyEncoder.Format.TEXT, LoadListener.NONE, STALL_TIMEOUT);
            try {
                assertThatThrownBy(() -> loader.load(new FreezingTable(4L * BATCH_ROWS, BATCH_ROWS, freeze)))
                        .isInstanceOf(CopyLoadException.class)
                        .hasMessage("PostgreSQL at " + hostAndPort + " made no progress for 2 s while loading table"
                                + " lb_loader_stall, batch 1 (worker 0); connection aborted"
                                + " (-Dloadbench.pg.copyStallTimeoutSeconds=2)");
                long failedAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - frozenAtNanos.get());
                // the bound: the stall timeout plus a quarter of it for the watchdog's period, plus a busy machine
                assertThat(failedAfterMs).isBetween(STALL_TIMEOUT.toMillis() - 100, STALL_TIMEOUT.toMillis() + 4_000);
                assertThat(frozen).as("postmaster and backends were frozen").hasSizeGreaterThan(1);
            } finally {
                signal("CONT", frozen);
            }
            try (Connection c = schema.open(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM lb_loader_stall")) {
                rs.next();
                assertThat(rs.getLong(1)).as("the committed first batch only; the frozen one was rolled back")
                        .isEqualTo(BATCH_ROWS);
            }
        }
    }

    @Test
    void aCopyStuckOnALockOfALiveServerIsAbortedAndTheServerIsAskedToEndItsBackend() throws Exception {
        try (TestSchema schema = new TestSchema(TestDatastores.embedded());
             Connection blocker = schema.open(); Statement lock = blocker.createStatement()) {
            try (Connection c = schema.open()) {
                ProgressTable.ensureExists(c);
                ParallelCopyLoader.execute(c, List.of("CREATE TABLE lb_loader_stall (id bigint NOT NULL, payload text NOT NULL)"));
            }
            // another session holds the table: the COPY waits for its lock, making no progress, on a live server
            blocker.setAutoCommit(false);
            lock.execute("LOCK TABLE lb_loader_stall IN ACCESS EXCLUSIVE MODE");
            ParallelCopyLoader loader = new ParallelCopyLoader(schema.connections(), "lock-test", BATCH_ROWS, 1,
                    CopyEncoder.Format.TEXT, LoadListener.NONE, STALL_TIMEOUT);

            assertThatThrownBy(() -> loader.load(new FreezingTable(BATCH_ROWS, BATCH_ROWS, () -> { })))
                    .isInstanceOf(CopyLoadException.class).hasMessageContaining("made no progress for 2 s");

            // without the server-side request the backend would wait on the lock for as long as it is held
            // (polled outside the blocker's transaction, which would keep seeing its first snapshot of the view)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            long waiting;
            try (Connection observer = schema.open(); Statement poll = observer.createStatement()) {
                do {
                    Thread.sleep(50);
                    waiting = waitingCopies(poll);
                } while (waiting > 0 && System.nanoTime() < deadline);
            }
            assertThat(waiting).as("COPY backends still waiting on the lock while it is held").isZero();
            blocker.rollback();
        }
    }

    private static long waitingCopies(Statement s) throws Exception {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                + " AND query LIKE 'COPY%lb_loader_stall%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The postmaster and all its descendants (backends, background workers). */
    private static List<Long> postgresProcesses(long postmasterPid) {
        List<Long> pids = new ArrayList<>();
        pids.add(postmasterPid);
        ProcessHandle.of(postmasterPid).ifPresent(p -> p.descendants().forEach(d -> pids.add(d.pid())));
        return pids;
    }

    private static void signal(String signal, List<Long> pids) {
        if (pids.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } catch (Exception e) {
            throw new IllegalStateException("kill -" + signal + " " + pids + " failed", e);
        }
    }

    /** Rows of an id and a 200-character text; generating the first row of the second batch runs {@code freeze}. */
    private record FreezingTable(long rowCount, int batchRows, Runnable freeze) implements TableSpec {
        @Override
        public String name() {
            return "lb_loader_stall";
        }

        @Override
        public List<ColumnSpec> columns() {
            return List.of(ColumnSpec.notNull("id", PgType.INT8), ColumnSpec.notNull("payload", PgType.TEXT));
        }

        @Override
        public List<String> createDdl() {
            return List.of();
        }

        @Override
        public List<String> afterLoadDdl() {
            return List.of();
        }

        @Override
        public RowGenerator newGenerator() {
            AtomicBoolean frozen = new AtomicBoolean();
            String payload = "x".repeat(200);
            return (row, out) -> {
                if (row == batchRows && !frozen.getAndSet(true)) {
                    freeze.run();
                }
                out.int8(row);
                out.text(payload);
            };
        }
    }
}
