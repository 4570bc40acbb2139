package io.loadbench.loader.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.loadbench.loader.sink.postgres.CopyLoadException;
import io.loadbench.loader.sink.postgres.LoadListener;
import io.loadbench.loader.sink.postgres.ParallelCopyLoader;
import io.loadbench.loader.sink.postgres.PostgresConnections;
import io.loadbench.loader.sink.postgres.ProgressTable;
import io.loadbench.loader.sink.postgres.TableLoadResult;
import io.loadbench.loader.spi.DatasetContext;
import io.loadbench.loader.spi.OutputStep;
import io.loadbench.loader.spi.TableSpec;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Loads a dataset into PostgreSQL (and runs its output steps): tables in order, each created if missing,
 * filled by {@link ParallelCopyLoader}, then finished with its after-load DDL.
 *
 * <p>Safety rules. Without resume, any existing table of the dataset stops the load before anything is
 * written ({@link TargetNotEmptyException}: drop it first). With resume, existing tables are accepted only
 * if no other plan recorded batches in them and, when nothing at all was recorded, they are empty; batches
 * recorded under this plan's load id are skipped.
 */
public final class DatasetLoader {

    private final PostgresConnections connections;
    private final DatasetContext context;
    private final LoadListener listener;
    private final PrintStream log;

    public DatasetLoader(PostgresConnections connections, DatasetContext context, LoadListener listener, PrintStream log) {
        this.connections = connections;
        this.context = context;
        this.listener = listener;
        this.log = log;
    }

    /** What a load did, table by table. */
    /**
     * One output step's result: {@code units} in the step's own unit (keys of a Redis fill, rows of a file),
     * {@code bytes} what it wrote (RESP bytes sent, file bytes on disk), {@code seconds} its wall time.
     */
    public record StepResult(String name, long units, long bytes, double seconds) {
    }

    public record Outcome(List<TableLoadResult> tables, List<StepResult> steps, long stepBytes) {
    }

    /** Rows still to load for each table (all of them unless resuming), for progress totals. */
    public long remainingRows(LoadPlan plan, boolean resume) throws SQLException {
        long remaining = 0;
        try (Connection c = connections.open()) {
            boolean progressExists = ProgressTable.exists(c, ProgressTable.PROGRESS);
            for (TableSpec table : plan.dataset().tables()) {
                long rows = table.rowCount();
                if (resume && progressExists) {
                    try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT coalesce(sum(row_count), 0) FROM "
                            + ProgressTable.PROGRESS + " WHERE load_id = ? AND table_name = ?")) {
                        ps.setString(1, plan.loadId());
                        ps.setString(2, table.name());
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            rows -= rs.getLong(1);
                        }
                    }
                }
                remaining += rows;
            }
        }
        return remaining;
    }

    public Outcome load(LoadPlan plan, boolean resume) throws Exception {
        List<TableSpec> tables = plan.dataset().tables();
        List<String> tableNames = tables.stream().map(TableSpec::name).toList();
        try (Connection c = connections.open()) {
            ProgressTable.ensureExists(c);
            checkTargetState(c, plan, resume, tables, tableNames);
            ProgressTable.recordLoad(c, plan.loadId(), plan.dataset().name(), planJson(plan));
        }
        ParallelCopyLoader loader = new ParallelCopyLoader(connections, plan.loadId(), plan.batchSize(),
                plan.workers(), plan.format(), listener);
        List<TableLoadResult> results = new ArrayList<>();
        for (TableSpec table : tables) {
            try (Connection c = connections.open()) {
                if (!ProgressTable.exists(c, table.name())) {
                    createTable(c, table);
                }
            }
            TableLoadResult copied = loader.load(table);
            long afterStarted = System.nanoTime();
            try (Connection c = connections.open()) {
                ParallelCopyLoader.execute(c, table.afterLoadDdl());
            } catch (SQLException e) {
                throw new CopyLoadException("after-load DDL of table " + table.name() + " (keys, indexes): "
                        + e.getMessage().strip().lines().findFirst().orElse(""), e);
            }
            double afterSeconds = (System.nanoTime() - afterStarted) / 1e9;
            results.add(new TableLoadResult(copied.table(), copied.totalRows(), copied.totalBatches(),
                    copied.skippedBatches(), copied.rows(), copied.bytes(), copied.batches(), copied.copySeconds(),
                    afterSeconds, copied.workers()));
        }
        List<StepResult> steps = new ArrayList<>();
        long stepBytes = 0;
        for (OutputStep step : plan.dataset().outputSteps()) {
            log.println("output step " + step.name() + " (" + step.units() + " units)");
            long stepStarted = System.nanoTime();
            long bytes = step.run(context);
            double seconds = (System.nanoTime() - stepStarted) / 1e9;
            stepBytes += bytes;
            steps.add(new StepResult(step.name(), step.units(), bytes, seconds));
        }
        try (Connection c = connections.open()) {
            ProgressTable.markCompleted(c, plan.loadId());
        }
        return new Outcome(results, steps, stepBytes);
    }

    private void checkTargetState(Connection c, LoadPlan plan, boolean resume, List<TableSpec> tables,
                                  List<String> tableNames) throws SQLException {
        String dataset = plan.dataset().name();
        for (TableSpec table : tables) {
            if (!ProgressTable.exists(c, table.name())) {
                continue;
            }
            if (!resume) {
                throw new TargetNotEmptyException("table " + table.name() + " already exists on the target: run 'drop "
                        + dataset + "' first, or add --resume to continue an interrupted load of the same plan");
            }
        }
        if (!resume) {
            return;
        }
        Set<String> others = ProgressTable.otherLoads(c, plan.loadId(), tableNames);
        if (!others.isEmpty()) {
            throw new TargetNotEmptyException("cannot resume: the tables of " + dataset + " hold a load with a different plan ("
                    + String.join(", ", others) + "); the seed, rows, batch size and dataset options must match, or run 'drop "
                    + dataset + "' first");
        }
        for (TableSpec table : tables) {
            if (ProgressTable.exists(c, table.name())
                    && ProgressTable.committedBatches(c, plan.loadId(), table.name()).isEmpty()
                    && hasRows(c, table.name())) {
                throw new TargetNotEmptyException("cannot resume: table " + table.name()
                        + " holds rows that no loadbench load recorded; run 'drop " + dataset + "' first");
            }
        }
    }

    private static boolean hasRows(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM " + table + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static void createTable(Connection c, TableSpec table) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            ParallelCopyLoader.execute(c, table.createDdl());
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw new CopyLoadException("creating table " + table.name() + ": "
                    + e.getMessage().strip().lines().findFirst().orElse(""), e);
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static String planJson(LoadPlan plan) {
        try {
            return new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                    .writeValueAsString(plan.describe());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Drops the dataset's tables (children first), its output steps' data and its load records. */
    public static void drop(io.loadbench.loader.spi.Dataset dataset, PostgresConnections connections,
                            DatasetContext context) throws Exception {
        List<TableSpec> tables = new ArrayList<>(dataset.tables());
        java.util.Collections.reverse(tables);
        for (OutputStep step : dataset.outputSteps()) {
            step.drop(context);
        }
        try (Connection c = connections.open()) {
            for (TableSpec table : tables) {
                ParallelCopyLoader.execute(c, table.dropDdl());
            }
            ProgressTable.forget(c, dataset.name(), dataset.tables().stream().map(TableSpec::name).toList());
        }
    }
}
