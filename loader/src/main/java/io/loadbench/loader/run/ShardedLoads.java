package io.loadbench.loader.run;

import io.loadbench.loader.sink.postgres.CopyLoadException;
import io.loadbench.loader.sink.postgres.LoadListener;
import io.loadbench.loader.sink.postgres.ParallelCopyLoader;
import io.loadbench.loader.sink.postgres.PostgresConnections;
import io.loadbench.loader.sink.postgres.ProgressTable;
import io.loadbench.loader.sink.postgres.TableLoadResult;
import io.loadbench.loader.spi.DatasetContext;
import io.loadbench.loader.spi.OutputStep;
import io.loadbench.loader.spi.TableSpec;
import io.loadbench.results.shard.Shard;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A load split over N processes that share one PostgreSQL: each <em>shard</em> {@code i/N} loads the batches
 * {@code b} with {@code b mod N = i} of every table ({@link #load}), and one <em>finish</em> step afterwards checks that
 * every shard is complete, builds the keys and indexes and completes the output steps ({@link #finish}); the caller
 * then verifies the whole once and compares the tables' checksums with the sum of the shards' ({@link #mismatches}).
 *
 * <p>A shard's batches are the batches a single process would load, recorded the same way under the same load id, so
 * the union of the shards is the single-process load, row for row, whatever N and whatever each shard's
 * {@code --workers}. A shard run again for the same index (a retried pod) skips the batches of its slice that are
 * committed and loads the rest: it never duplicates a row and never touches another shard's batches. Its record
 * ({@code loadbench_load_shards}) counts its attempts and, when it ends, holds the checksum of its slice of every table.
 *
 * <p>Concurrency: shards hold the dataset's lock shared (a plain load, a drop or the finish step, which hold it
 * exclusively, are refused while any shard runs, and the other way round), each shard holds its own index's lock (a
 * second process for the same index is refused at once), and the step that creates the tables runs under the
 * preparation lock, so shards starting together create every table exactly once. Refused: a shard of another plan
 * (tables created by another load id, batches of another plan), of another shard count or another run id than the
 * shards recorded before it, and a shard whose tables were dropped by hand after batches were recorded in them.
 */
public final class ShardedLoads {

    private final PostgresConnections connections;
    private final DatasetContext context;
    private final LoadListener listener;
    private final PrintStream log;

    public ShardedLoads(PostgresConnections connections, DatasetContext context, LoadListener listener, PrintStream log) {
        this.connections = connections;
        this.context = context;
        this.listener = listener;
        this.log = log;
    }

    /**
     * What one shard did: per table its slice (rows and batches of the slice, what this attempt loaded), its output
     * steps' parts, the checksum of its slice of each table, and which attempt this was (1 for the first).
     */
    public record ShardOutcome(DatasetLoader.Outcome outcome, Map<String, String> checksums, int attempt) {
    }

    /** The rows of {@code shard}'s slice still to load, for progress totals. */
    public long remainingRows(LoadPlan plan, Shard shard) throws SQLException {
        long remaining = 0;
        try (Connection c = connections.open()) {
            boolean progressExists = ProgressTable.exists(c, ProgressTable.PROGRESS);
            for (TableSpec table : plan.dataset().tables()) {
                remaining += ParallelCopyLoader.rowsOf(table, plan.batchSize(), Optional.of(shard));
                if (progressExists) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(sum(row_count), 0) FROM "
                            + ProgressTable.PROGRESS + " WHERE load_id = ? AND table_name = ? AND batch_no % ? = ?")) {
                        ps.setString(1, plan.loadId());
                        ps.setString(2, table.name());
                        ps.setInt(3, shard.count());
                        ps.setInt(4, shard.index());
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            remaining -= rs.getLong(1);
                        }
                    }
                }
            }
        }
        return remaining;
    }

    /**
     * Loads the slice of {@code shard}: creates the tables that are missing (whichever shard gets there first), loads
     * the slice's uncommitted batches of every table, writes its part of every {@linkplain OutputStep#shardable()
     * shardable} output step, then records its completion with the checksum of its slice of each table.
     *
     * @param runId the run every shard of the load belongs to; must match what earlier shards recorded
     * @param podUid the pod running this shard, when the launcher says so
     * @param label  the machine label, recorded to say where each attempt ran
     * @throws TargetNotEmptyException  for a shard of another plan, shard count or run id (one line saying which)
     * @throws LoadInProgressException when a non-shard command of the dataset, or this shard index, is running
     */
    public ShardOutcome load(LoadPlan plan, Shard shard, String runId, Optional<String> podUid, String label) throws Exception {
        List<TableSpec> tables = plan.dataset().tables();
        List<String> tableNames = tables.stream().map(TableSpec::name).toList();
        String dataset = plan.dataset().name();
        int attempt;
        try (DatasetLock whole = DatasetLock.acquireShared(connections, dataset, tableNames);
             DatasetLock slice = DatasetLock.acquireShard(connections, dataset, tableNames, shard)) {
            try (DatasetLock preparing = DatasetLock.awaitPreparation(connections); Connection c = connections.open()) {
                ProgressTable.ensureExists(c);
                refuseStaleRecords(c, plan, shard, tableNames);
                refuseOtherPlans(c, plan, shard, tables, tableNames);
                refuseOtherShardings(c, plan, shard, runId);
                for (TableSpec table : tables) {
                    if (!ProgressTable.exists(c, table.name())) {
                        DatasetLoader.createTable(c, table, plan.loadId());
                    }
                }
                ProgressTable.recordLoad(c, plan.loadId(), dataset, DatasetLoader.planJson(plan));
                attempt = ShardRecords.begin(c, plan.loadId(), shard, runId, podUid, label);
            }
            ParallelCopyLoader loader = new ParallelCopyLoader(connections, plan.loadId(), plan.batchSize(),
                    plan.workers(), plan.format(), listener);
            List<TableLoadResult> results = new ArrayList<>();
            for (TableSpec table : tables) {
                results.add(loader.load(table, Optional.of(shard)));
            }
            List<DatasetLoader.StepResult> steps = new ArrayList<>();
            long stepBytes = 0;
            for (OutputStep step : plan.dataset().outputSteps()) {
                if (!step.shardable()) {
                    continue; // one writer: the finish step runs it whole
                }
                long units = step.units(shard);
                log.println("output step " + step.name() + ", shard " + shard + " (" + units + " units)");
                long started = System.nanoTime();
                long bytes;
                listener.outputStepStarted(step.name(), units, step.unit());
                try {
                    bytes = step.runShard(new StepProgressContext(context, done -> listener.outputStepProgress(step.name(), done)), shard);
                } finally {
                    listener.outputStepFinished(step.name());
                }
                stepBytes += bytes;
                steps.add(new DatasetLoader.StepResult(step.name(), units, bytes, (System.nanoTime() - started) / 1e9));
            }
            Map<String, String> checksums = new LinkedHashMap<>();
            try (Connection c = connections.open()) {
                for (TableSpec table : tables) {
                    checksums.put(table.name(), TableChecksums.checksumOfShard(c, table.name(), plan.loadId(), shard));
                }
                ShardRecords.complete(c, plan.loadId(), shard, checksums);
            }
            return new ShardOutcome(new DatasetLoader.Outcome(results, steps, stepBytes), checksums, attempt);
        }
    }

    /**
     * Batches recorded for tables that are gone describe slices that no longer exist, possibly of shards that already
     * ended: continuing would leave their rows missing, so a shard refuses and says how to start over.
     */
    private static void refuseStaleRecords(Connection c, LoadPlan plan, Shard shard, List<String> tableNames) throws SQLException {
        Map<String, Long> stale = LoadRecords.progressOfMissingTables(c, tableNames);
        if (!stale.isEmpty()) {
            String dataset = plan.dataset().name();
            throw new TargetNotEmptyException("shard " + shard + " refused: batches are recorded for table(s) "
                    + stale.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + " batches)").collect(Collectors.joining(", "))
                    + " that no longer exist (dropped outside loadbench?), so slices loaded before are gone; run 'drop "
                    + dataset + "', then run every shard again");
        }
    }

    private static void refuseOtherPlans(Connection c, LoadPlan plan, Shard shard, List<TableSpec> tables,
                                         List<String> tableNames) throws SQLException {
        String dataset = plan.dataset().name();
        String sameOptions = "every shard must be given the same --rows, --seed, --batch-size and " + dataset
                + " options, or run 'drop " + dataset + "' first";
        Set<String> others = ProgressTable.otherLoads(c, plan.loadId(), tableNames);
        if (!others.isEmpty()) {
            throw new TargetNotEmptyException("shard " + shard + " refused: the tables of " + dataset + " hold a load of another plan ("
                    + String.join(", ", others) + ", this shard's is " + plan.loadId() + "); " + sameOptions);
        }
        for (TableSpec table : tables) {
            if (!ProgressTable.exists(c, table.name())) {
                continue;
            }
            String marker = LoadRecords.tableMarker(c, table.name());
            if (!plan.loadId().equals(marker)) {
                throw new TargetNotEmptyException("shard " + shard + " refused: table " + table.name() + " was not created by "
                        + "this plan's load " + plan.loadId() + " (" + (marker == null ? "it carries no loadbench marker"
                        : "its marker names load " + marker) + "); " + sameOptions);
            }
            if (ProgressTable.committedBatches(c, plan.loadId(), table.name()).isEmpty() && DatasetLoader.hasRows(c, table.name())) {
                throw new TargetNotEmptyException("shard " + shard + " refused: table " + table.name()
                        + " holds rows that no loadbench load recorded; run 'drop " + dataset + "' first");
            }
        }
    }

    private static void refuseOtherShardings(Connection c, LoadPlan plan, Shard shard, String runId) throws SQLException {
        List<ShardRecords.Recorded> recorded = ShardRecords.of(c, plan.loadId());
        String dataset = plan.dataset().name();
        for (ShardRecords.Recorded other : recorded) {
            if (other.shard().count() != shard.count()) {
                throw new TargetNotEmptyException("shard " + shard + " refused: load " + plan.loadId() + " of " + dataset
                        + " is being loaded in " + other.shard().count() + " shards (run " + other.runId() + ", shard(s) "
                        + indexes(recorded) + " recorded); give every shard the same count, or run 'drop " + dataset
                        + "' to start over");
            }
            if (!other.runId().equals(runId)) {
                throw new TargetNotEmptyException("shard " + shard + " refused: load " + plan.loadId() + " of " + dataset
                        + " belongs to run " + other.runId() + " (shard(s) " + indexes(recorded) + " recorded), this shard to run "
                        + runId + "; give every shard the same --run-id (or LB_RUN_ID), or run 'drop " + dataset
                        + "' to start over");
            }
        }
    }

    private static String indexes(List<ShardRecords.Recorded> recorded) {
        return recorded.stream().map(r -> Integer.toString(r.shard().index())).collect(Collectors.joining(", "));
    }

    /** One shard as the finish step found it complete. */
    public record FinishedShard(Shard shard, int attempts, Optional<String> podUid, Optional<String> label) {
    }

    /**
     * What the finish step did: the whole load as the shards recorded it (per table every batch, with one
     * {@linkplain TableLoadResult.WorkerResult worker} entry per shard, and this step's after-load DDL time), the
     * output steps it ran, the shards, their run id, and per table the sum of the shards' slice checksums.
     *
     * @param secondsSinceFirstShard from the first shard's first start to the end of this step, by the server's clock
     */
    public record Finished(DatasetLoader.Outcome outcome, List<FinishedShard> shards, String runId,
                           Map<String, String> shardChecksums, double secondsSinceFirstShard) {

        public int shardCount() {
            return shards.size();
        }
    }

    /**
     * The finish step: checks that every shard {@code 0..N-1} recorded its completion, every batch of its slice and
     * the checksum of its slice of every table; then runs every table's after-load DDL (keys, indexes, ANALYZE) in
     * load order, completes the output steps (the shardable ones' {@link OutputStep#finishShards}, the others whole),
     * and marks the load complete. Holds the dataset's lock exclusively, so no shard runs meanwhile. May run again.
     *
     * @param runId the run id to finish, when given; else whatever run the shards recorded
     * @throws ShardsIncompleteException naming every shard that has not run, is incomplete or lacks a checksum
     */
    public Finished finish(LoadPlan plan, Optional<String> runId) throws Exception {
        List<TableSpec> tables = plan.dataset().tables();
        List<String> tableNames = tables.stream().map(TableSpec::name).toList();
        String dataset = plan.dataset().name();
        DatasetLock lock;
        try {
            lock = DatasetLock.acquire(connections, dataset, tableNames);
        } catch (LoadInProgressException e) {
            throw new LoadInProgressException("cannot finish yet: " + e.getMessage());
        }
        try (lock) {
            List<ShardRecords.Recorded> recorded;
            Map<String, String> sums = new LinkedHashMap<>();
            try (Connection c = connections.open()) {
                recorded = ShardRecords.of(c, plan.loadId());
                if (recorded.isEmpty()) {
                    throw new ShardsIncompleteException(noShards(c, plan));
                }
                String recordedRunId = recorded.get(0).runId();
                if (runId.isPresent() && !runId.get().equals(recordedRunId)) {
                    throw new ShardsIncompleteException("cannot finish " + dataset + ": its shards belong to run " + recordedRunId
                            + ", not " + runId.get() + "; give the shards' --run-id, or leave it out");
                }
                List<String> problems = incomplete(c, plan, recorded);
                if (!problems.isEmpty()) {
                    throw new ShardsIncompleteException("cannot finish " + dataset + ": " + String.join("; ", problems)
                            + "; run each shard named (load " + dataset + " <same options> --shard I/"
                            + recorded.get(0).shard().count() + "), then --finish again");
                }
                for (TableSpec table : tables) {
                    String sum = TableChecksums.empty();
                    for (ShardRecords.Recorded shard : recorded) {
                        sum = TableChecksums.add(sum, shard.checksums().get(table.name()));
                    }
                    sums.put(table.name(), sum);
                }
            }
            Map<String, Double> afterLoadSeconds = new LinkedHashMap<>();
            for (TableSpec table : tables) {
                log.println("keys and indexes of table " + table.name() + " ...");
                long started = System.nanoTime();
                try (Connection c = connections.open()) {
                    ParallelCopyLoader.execute(c, table.afterLoadDdl());
                } catch (SQLException e) {
                    throw new CopyLoadException("after-load DDL of table " + table.name() + " (keys, indexes): "
                            + e.getMessage().strip().lines().findFirst().orElse(""), e);
                }
                afterLoadSeconds.put(table.name(), (System.nanoTime() - started) / 1e9);
            }
            List<DatasetLoader.StepResult> steps = new ArrayList<>();
            long stepBytes = 0;
            for (OutputStep step : plan.dataset().outputSteps()) {
                long started = System.nanoTime();
                long bytes;
                long units;
                String name = step.name();
                if (step.shardable()) {
                    log.println("output step " + step.name() + ": completing the " + recorded.size() + " shards' parts");
                    bytes = step.finishShards(context);
                    // the shards wrote the units, each shard's load.json counts its part
                    units = 0;
                    name = step.name() + " (finish)";
                } else {
                    log.println("output step " + step.name() + " (" + step.units() + " units)");
                    listener.outputStepStarted(step.name(), step.units(), step.unit());
                    try {
                        bytes = step.run(new StepProgressContext(context, done -> listener.outputStepProgress(step.name(), done)));
                    } finally {
                        listener.outputStepFinished(step.name());
                    }
                    units = step.units();
                }
                stepBytes += bytes;
                steps.add(new DatasetLoader.StepResult(name, units, bytes, (System.nanoTime() - started) / 1e9));
            }
            List<TableLoadResult> results = new ArrayList<>();
            double seconds;
            try (Connection c = connections.open()) {
                ProgressTable.markCompleted(c, plan.loadId());
                int count = recorded.get(0).shard().count();
                for (TableSpec table : tables) {
                    results.add(wholeTable(c, plan, table, count, afterLoadSeconds.get(table.name())));
                }
                seconds = ShardRecords.secondsSinceFirstStart(c, plan.loadId());
            }
            List<FinishedShard> shards = recorded.stream()
                    .map(r -> new FinishedShard(r.shard(), r.attempts(), r.podUid(), r.label())).toList();
            return new Finished(new DatasetLoader.Outcome(results, steps, stepBytes), shards, recorded.get(0).runId(), sums, seconds);
        }
    }

    /** Each shard of {@code 0..N-1} that has not run, is incomplete or lacks a checksum, in one phrase each. */
    private static List<String> incomplete(Connection c, LoadPlan plan, List<ShardRecords.Recorded> recorded) throws SQLException {
        int count = recorded.get(0).shard().count();
        Map<Integer, ShardRecords.Recorded> byIndex = new TreeMap<>();
        recorded.forEach(r -> byIndex.put(r.shard().index(), r));
        List<String> problems = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            Shard shard = new Shard(index, count);
            ShardRecords.Recorded record = byIndex.get(index);
            if (record == null) {
                problems.add("shard " + shard + " has not run");
                continue;
            }
            long expected = 0;
            long committed = 0;
            List<String> missingTables = new ArrayList<>();
            for (TableSpec table : plan.dataset().tables()) {
                if (!ProgressTable.exists(c, table.name())) {
                    missingTables.add(table.name());
                    continue;
                }
                expected += shard.unitsOf(ParallelCopyLoader.batches(table.rowCount(), plan.batchSize()));
                committed += ShardRecords.committedBatches(c, plan.loadId(), table.name(), shard);
            }
            String attempt = "attempt " + record.attempts() + " started " + record.startedAt().truncatedTo(ChronoUnit.SECONDS)
                    + record.label().map(l -> " on " + l).orElse("") + record.podUid().map(u -> " in pod " + u).orElse("");
            if (!missingTables.isEmpty()) {
                problems.add("table(s) " + String.join(", ", missingTables) + " of shard " + shard + " no longer exist");
            } else if (record.completedAt().isEmpty()) {
                problems.add("shard " + shard + " is incomplete (" + attempt + ", " + committed + " of " + expected
                        + " batches committed, no completion recorded)");
            } else if (committed < expected) {
                problems.add("shard " + shard + " recorded its completion but " + (expected - committed) + " of its "
                        + expected + " batches are not recorded (records deleted?)");
            } else {
                List<String> unsummed = plan.dataset().tables().stream().map(TableSpec::name)
                        .filter(t -> record.checksums().get(t) == null).toList();
                if (!unsummed.isEmpty()) {
                    problems.add("shard " + shard + " recorded no checksum of table(s) " + String.join(", ", unsummed));
                }
            }
        }
        return problems;
    }

    private static String noShards(Connection c, LoadPlan plan) throws SQLException {
        String dataset = plan.dataset().name();
        StringBuilder m = new StringBuilder("cannot finish ").append(dataset).append(": no shard of its load ")
                .append(plan.loadId()).append(" is recorded on this target");
        List<String> others = new ArrayList<>();
        if (ProgressTable.exists(c, ProgressTable.SHARDS)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT s.load_id FROM " + ProgressTable.SHARDS + " s JOIN "
                    + ProgressTable.LOADS + " l ON l.load_id = s.load_id WHERE l.dataset = ? ORDER BY 1")) {
                ps.setString(1, dataset);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        others.add(rs.getString(1));
                    }
                }
            }
        }
        if (!others.isEmpty()) {
            m.append(" (it holds shards of load(s) ").append(String.join(", ", others))
                    .append(": give --finish the same --rows, --seed, --batch-size and ").append(dataset).append(" options as the shards)");
        } else {
            m.append("; run the shards first (load ").append(dataset).append(" <options> --shard I/N), then --finish");
        }
        return m.toString();
    }

    /** The whole table as its batches recorded it, one worker entry per shard. */
    private static TableLoadResult wholeTable(Connection c, LoadPlan plan, TableSpec table, int count, double afterLoadSeconds)
            throws SQLException {
        List<TableLoadResult.WorkerResult> perShard = new ArrayList<>();
        long rows = 0;
        long bytes = 0;
        long batches = 0;
        for (ShardRecords.SliceFigures f : ShardRecords.figures(c, plan.loadId(), table.name(), count)) {
            perShard.add(new TableLoadResult.WorkerResult(f.shard(), f.rows(), f.bytes(), f.batches(), f.seconds()));
            rows += f.rows();
            bytes += f.bytes();
            batches += f.batches();
        }
        return new TableLoadResult(table.name(), table.rowCount(), ParallelCopyLoader.batches(table.rowCount(), plan.batchSize()),
                0, rows, bytes, batches, ShardRecords.copySeconds(c, plan.loadId(), table.name()), afterLoadSeconds, perShard);
    }

    /**
     * The tables whose checksum (from the verification) is not the sum of the shards' slice checksums, one phrase
     * each: a row added, changed or removed outside the shards' batches. Empty when all add up.
     */
    public static List<String> mismatches(Finished finished, Map<String, String> tableChecksums) {
        List<String> mismatches = new ArrayList<>();
        finished.shardChecksums().forEach((table, sum) -> {
            String actual = tableChecksums.get(table);
            if (!sum.equals(actual)) {
                mismatches.add("table " + table + " has checksum " + actual + ", not the sum " + sum + " of its "
                        + finished.shardCount() + " shards' slices");
            }
        });
        return mismatches;
    }
}
