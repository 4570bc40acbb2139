package io.loadbench.loader.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.loadbench.loader.sink.postgres.CopyLoadException;
import io.loadbench.loader.sink.postgres.LoadListener;
import io.loadbench.loader.sink.postgres.ParallelCopyLoader;
import io.loadbench.loader.sink.postgres.PostgresConnections;
import io.loadbench.loader.sink.postgres.ProgressTable;
import io.loadbench.loader.sink.postgres.TableLoadResult;
import io.loadbench.loader.spi.Dataset;
import io.loadbench.loader.spi.DatasetContext;
import io.loadbench.loader.spi.DropRefusedException;
import io.loadbench.loader.spi.MutableData;
import io.loadbench.loader.spi.OutputStep;
import io.loadbench.loader.spi.TableSpec;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads a dataset into PostgreSQL (and runs its output steps): tables in order, each created if missing,
 * filled by {@link ParallelCopyLoader}, then finished with its after-load DDL.
 *
 * <p>Safety rules. Without resume, any existing table of the dataset stops the load before anything is
 * written ({@link TargetNotEmptyException}: drop it first). With resume, existing tables are accepted only
 * if no other plan recorded batches in them and, when nothing at all was recorded, they are empty; batches
 * recorded under this plan's load id are skipped. {@link Mode#RESUME_RELOADING_DROPPED} (a workload's preparation)
 * resumes the same way but loads a table dropped by hand again from the start. {@link #restore} puts a dataset's
 * mutable data (counters, cache entries) back to its loaded state without touching its tables.
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

    /**
     * One output step's result: {@code units} in the step's own unit (keys of a Redis fill, rows of a file),
     * {@code bytes} what it wrote (RESP bytes sent, file bytes on disk), {@code seconds} its wall time.
     */
    public record StepResult(String name, long units, long bytes, double seconds) {
    }

    /** What a load did, table by table, then its output steps. */
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

    /**
     * How a load treats what an earlier load left on the target.
     */
    public enum Mode {
        /** A plain {@code load}: refuses any existing table of the dataset; clears the records of tables dropped by hand. */
        FRESH,
        /** {@code --resume}: continues this plan's recorded batches; refuses records of tables dropped by hand. */
        RESUME,
        /**
         * A workload's preparation: continues this plan's recorded batches in the tables that are there, and loads
         * tables dropped by hand from the start (clearing their records, with a {@code note:} line), so that a
         * dataset with a hand-dropped table is made whole again rather than refused. Every other refusal of
         * {@link #RESUME} holds (another plan, a table without this load's marker, unrecorded rows).
         */
        RESUME_RELOADING_DROPPED
    }

    /** {@link #load(LoadPlan, Mode)} with {@link Mode#RESUME} or {@link Mode#FRESH}. */
    public Outcome load(LoadPlan plan, boolean resume) throws Exception {
        return load(plan, resume ? Mode.RESUME : Mode.FRESH);
    }

    public Outcome load(LoadPlan plan, Mode mode) throws Exception {
        boolean resume = mode != Mode.FRESH;
        List<TableSpec> tables = plan.dataset().tables();
        List<String> tableNames = tables.stream().map(TableSpec::name).toList();
        try (DatasetLock lock = DatasetLock.acquire(connections, plan.dataset().name(), tableNames)) {
            try (Connection c = connections.open()) {
                try (DatasetLock preparing = DatasetLock.awaitPreparation(connections)) {
                    ProgressTable.ensureExists(c);
                }
                clearStaleProgress(c, plan, mode == Mode.RESUME, tableNames);
                checkTargetState(c, plan, resume, tables, tableNames);
                ProgressTable.recordLoad(c, plan.loadId(), plan.dataset().name(), planJson(plan));
            }
            return loadLocked(plan, tables);
        }
    }

    private Outcome loadLocked(LoadPlan plan, List<TableSpec> tables) throws Exception {
        ParallelCopyLoader loader = new ParallelCopyLoader(connections, plan.loadId(), plan.batchSize(),
                plan.workers(), plan.format(), listener);
        List<TableLoadResult> results = new ArrayList<>();
        for (TableSpec table : tables) {
            try (Connection c = connections.open()) {
                if (!ProgressTable.exists(c, table.name())) {
                    createTable(c, table, plan.loadId());
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
            long bytes;
            listener.outputStepStarted(step.name(), step.units(), step.unit());
            try {
                bytes = step.run(new StepProgressContext(context, done -> listener.outputStepProgress(step.name(), done)));
            } finally {
                listener.outputStepFinished(step.name());
            }
            double seconds = (System.nanoTime() - stepStarted) / 1e9;
            stepBytes += bytes;
            steps.add(new StepResult(step.name(), step.units(), bytes, seconds));
        }
        try (Connection c = connections.open()) {
            ProgressTable.markCompleted(c, plan.loadId());
        }
        return new Outcome(results, steps, stepBytes);
    }

    /**
     * Batches recorded for tables that are gone (a {@code DROP TABLE} by hand) describe rows that no longer
     * exist; trusting them would skip every one of those batches. A plain load starts the dataset over, so it
     * clears them and says so. A resumed load was asked to continue rows that are gone: it refuses, naming
     * the tables and the command that starts over, rather than silently loading everything again.
     */
    private void clearStaleProgress(Connection c, LoadPlan plan, boolean resume, List<String> tableNames) throws SQLException {
        Map<String, Long> stale = LoadRecords.progressOfMissingTables(c, tableNames);
        if (stale.isEmpty()) {
            return;
        }
        String dataset = plan.dataset().name();
        String what = stale.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + " batches)")
                .collect(java.util.stream.Collectors.joining(", "));
        if (resume) {
            throw new TargetNotEmptyException("cannot resume: batches are recorded for table(s) " + what
                    + " that no longer exist (dropped outside loadbench?), so there is nothing to continue; run 'load "
                    + dataset + "' without --resume to start over (it clears those records)");
        }
        log.println("note: cleared stale load records of " + dataset + ": batches recorded for table(s) " + what
                + " that no longer exist (dropped outside loadbench?); loading from the start");
        LoadRecords.clearProgressOf(c, dataset, stale.keySet());
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
            if (!ProgressTable.exists(c, table.name())) {
                continue;
            }
            String marker = LoadRecords.tableMarker(c, table.name());
            if (!plan.loadId().equals(marker)) {
                throw new TargetNotEmptyException("cannot resume: table " + table.name() + " was not created by this load ("
                        + (marker == null ? "it carries no loadbench marker" : "its marker names load " + marker)
                        + "); drop it, or run 'drop " + dataset + "' if a recorded load created it");
            }
            if (ProgressTable.committedBatches(c, plan.loadId(), table.name()).isEmpty()
                    && hasRows(c, table.name())) {
                throw new TargetNotEmptyException("cannot resume: table " + table.name()
                        + " holds rows that no loadbench load recorded; run 'drop " + dataset + "' first");
            }
        }
    }

    static boolean hasRows(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM " + table + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    static void createTable(Connection c, TableSpec table, String loadId) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            ParallelCopyLoader.execute(c, table.createDdl());
            LoadRecords.markTable(c, table.name(), loadId);
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw new CopyLoadException("creating table " + table.name() + ": "
                    + e.getMessage().strip().lines().findFirst().orElse(""), e);
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    static String planJson(LoadPlan plan) {
        try {
            return new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                    .writeValueAsString(plan.describe());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a restore did: each mutable part's name and what its restore wrote and deleted, in order. */
    public record Restored(Map<String, MutableData.Restored> parts) {

        /** One line, e.g. {@code redis:analytics counters and cache entries: 1,977 keys deleted, 4,275 keys written}. */
        public String describe() {
            return parts.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue().describe())
                    .collect(java.util.stream.Collectors.joining("; "));
        }
    }

    /**
     * Restores the dataset's {@linkplain Dataset#mutableData() mutable data} (counters, cache entries) to its loaded
     * state, each part in turn, holding the dataset's lock so that it never runs beside a load or a drop. Tables
     * are not touched. The caller checks the result with {@link DatasetVerifier.Scope#MUTABLE}.
     */
    public static Restored restore(Dataset dataset, PostgresConnections connections, DatasetContext context) throws Exception {
        List<String> tableNames = dataset.tables().stream().map(TableSpec::name).toList();
        Map<String, MutableData.Restored> parts = new java.util.LinkedHashMap<>();
        try (DatasetLock lock = DatasetLock.acquire(connections, dataset.name(), tableNames)) {
            for (MutableData data : dataset.mutableData()) {
                parts.put(data.name(), data.restore(context));
            }
        }
        return new Restored(parts);
    }

    /** What a drop removed: the tables (in drop order) and the recorded loads it forgot. */
    public record Dropped(List<String> tables, List<String> loadIds) {
    }

    /**
     * Drops what the recorded loads selected by the dataset's {@link Dataset#dropSelector()} created: their
     * tables (children first, each only if its marker names one of those loads), their output steps' data, then
     * their load records, in that order, so records never go before their data. Everything is checked before
     * anything is dropped; holds the dataset's lock, so it never runs beside a load.
     *
     * @throws DropRefusedException when no recorded load matches or a table was not created by one (nothing dropped)
     */
    public static Dropped drop(Dataset dataset, PostgresConnections connections, DatasetContext context) throws Exception {
        List<String> tableNames = dataset.tables().stream().map(TableSpec::name).toList();
        try (DatasetLock lock = DatasetLock.acquire(connections, dataset.name(), tableNames);
             Connection c = connections.open()) {
            List<String> present = new ArrayList<>();
            for (String table : tableNames) {
                if (ProgressTable.exists(c, table)) {
                    present.add(table);
                }
            }
            List<LoadRecords.RecordedLoad> recorded = LoadRecords.loadsOf(c, dataset.name());
            List<String> loadIds = recorded.stream().filter(load -> selects(dataset, load))
                    .map(LoadRecords.RecordedLoad::loadId).toList();
            if (loadIds.isEmpty()) {
                throw new DropRefusedException(noRecordedLoad(dataset, recorded, present));
            }
            for (String table : present) {
                String marker = LoadRecords.tableMarker(c, table);
                if (marker == null || !loadIds.contains(marker)) {
                    throw new DropRefusedException("refusing to drop table " + table + ": "
                            + (marker == null ? "it carries no loadbench marker, so no recorded load created it"
                            : "its marker names load " + marker + ", which is not among the selected loads " + loadIds)
                            + "; nothing was dropped");
                }
            }
            for (OutputStep step : dataset.outputSteps()) {
                step.drop(context);
            }
            List<TableSpec> reversed = new ArrayList<>(dataset.tables());
            java.util.Collections.reverse(reversed);
            List<String> dropped = new ArrayList<>();
            for (TableSpec table : reversed) {
                if (present.contains(table.name())) {
                    ParallelCopyLoader.execute(c, table.dropDdl());
                    dropped.add(table.name());
                }
            }
            LoadRecords.forget(c, loadIds);
            return new Dropped(dropped, loadIds);
        }
    }

    private static boolean selects(Dataset dataset, LoadRecords.RecordedLoad load) {
        for (String parameter : dataset.dropSelector()) {
            if (!String.valueOf(dataset.parameters().get(parameter)).equals(load.parameter(parameter))) {
                return false;
            }
        }
        return true;
    }

    private static String noRecordedLoad(Dataset dataset, List<LoadRecords.RecordedLoad> recorded, List<String> present) {
        StringBuilder m = new StringBuilder("no recorded load of ").append(dataset.name());
        if (!dataset.dropSelector().isEmpty()) {
            m.append(" with ").append(selector(dataset.dropSelector(), p -> String.valueOf(dataset.parameters().get(p))));
        }
        m.append(" on this target");
        if (!recorded.isEmpty()) {
            m.append(" (recorded: ").append(recorded.stream()
                    .map(load -> selector(dataset.dropSelector(), load::parameter)).distinct()
                    .collect(java.util.stream.Collectors.joining("; "))).append(')');
        }
        if (!present.isEmpty()) {
            m.append("; table(s) ").append(String.join(", ", present)).append(" exist but no recorded load selected here created them");
        }
        return m.append("; drop removes only what a recorded loadbench load created, so nothing was dropped").toString();
    }

    private static String selector(java.util.Set<String> parameters, java.util.function.Function<String, String> value) {
        return new java.util.TreeSet<>(parameters).stream().map(p -> p + "=" + value.apply(p))
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
