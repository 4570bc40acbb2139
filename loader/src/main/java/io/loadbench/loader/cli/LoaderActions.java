package io.loadbench.loader.cli;

import io.loadbench.results.Run;
import io.loadbench.results.RunKind;
import io.loadbench.datastores.DatastoreException;
import io.loadbench.results.RunStatus;
import io.loadbench.datastores.Datastores;
import io.loadbench.loader.encode.CopyBinaryEncoder;
import io.loadbench.loader.run.DatasetLoader;
import io.loadbench.loader.run.DatastoresContext;
import io.loadbench.loader.run.DatasetVerifier;
import io.loadbench.loader.run.LoadPlan;
import io.loadbench.loader.run.LoadReports;
import io.loadbench.loader.run.ShardedLoads;
import io.loadbench.loader.run.ShardsIncompleteException;
import io.loadbench.results.load.LoadResult;
import io.loadbench.results.load.LoadResultWriter;
import io.loadbench.loader.run.VerificationResult;
import io.loadbench.loader.sink.postgres.CopyLoadException;
import io.loadbench.loader.sink.postgres.LoadListener;
import io.loadbench.loader.sink.postgres.ParallelCopyLoader;
import io.loadbench.loader.sink.postgres.ProgressTable;
import io.loadbench.loader.sink.postgres.TableLoadResult;
import io.loadbench.loader.spi.Dataset;
import io.loadbench.loader.cli.options.DatasetOptions;
import io.loadbench.loader.spi.DatasetDefinition;
import io.loadbench.loader.spi.DatasetParameters;
import io.loadbench.loader.spi.InvalidOptionException;
import io.loadbench.loader.spi.OutputStep;
import io.loadbench.loader.spi.RowGenerator;
import io.loadbench.loader.spi.TableSpec;
import io.loadbench.loader.verify.CheckTable;
import io.loadbench.results.shard.Shard;
import io.loadbench.results.shard.ShardContract;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** What each dataset command does, given its validated configuration. */
final class LoaderActions {

    /**
     * Server ingest rate assumed by {@code plan} for its time estimate: COPY binary into an unindexed table on
     * one PostgreSQL server, about what a small (2-core) machine sustains; real rates are in load.json.
     */
    static final double ASSUMED_INGEST_BYTES_PER_SECOND = 40e6;

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    private final boolean interactive;
    private final String commandName;

    LoaderActions(PrintStream out, PrintStream err, Clock clock, boolean interactive) {
        this(out, err, clock, interactive, "loadbench-loader");
    }

    /** @param commandName what the user typed ({@code loadbench}): the effective-configuration line starts with it */
    LoaderActions(PrintStream out, PrintStream err, Clock clock, boolean interactive, String commandName) {
        this.commandName = commandName;
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.interactive = interactive;
    }

    private static <S extends Record> Dataset dataset(LoaderConfig config, DatasetDefinition<S> definition,
                                                      DatasetOptions<S> options) {
        Dataset dataset = definition.create(new DatasetParameters(config.seed(), config.rows()), options.settings());
        // a dataset derives its tables' sizes from its options; whatever it derives must fit the plan too
        for (TableSpec table : dataset.tables()) {
            if (table.rowCount() > DatasetParameters.MAX_ROWS) {
                throw new InvalidOptionException("--rows", "table " + table.name() + " would hold " + table.rowCount()
                        + " rows (derived from --rows and the " + dataset.name() + " options), more than the "
                        + DatasetParameters.MAX_ROWS + " a table may hold");
            }
            if (LoaderConfig.batches(table.rowCount(), config.batchSize()) > Integer.MAX_VALUE) {
                throw new InvalidOptionException("--batch-size", "too small for table " + table.name() + " of "
                        + table.rowCount() + " rows (more than 2^31 batches)");
            }
        }
        return dataset;
    }

    private void printConfiguration(LoaderConfig config, String extra) {
        StringBuilder line = new StringBuilder(commandName).append(' ').append(config.command()).append(' ').append(config.dataset()).append(':');
        config.describe().forEach((k, v) -> {
            if (!k.equals("command") && !k.equals("dataset")) {
                line.append(' ').append(k).append('=').append(v);
            }
        });
        if (extra != null) {
            line.append(' ').append(extra);
        }
        out.println(line);
    }

    <S extends Record> int plan(LoaderConfig config, DatasetDefinition<S> definition, DatasetOptions<S> options) {
        printConfiguration(config, null);
        Dataset dataset = dataset(config, definition, options);
        LoadPlan plan = new LoadPlan(dataset, config.batchSize(), config.workers(), config.format());
        Optional<Shard> shard = config.sharding().shard();
        shard.ifPresent(s -> out.println("shard " + s + ": the batches b with b mod " + s.count() + " = " + s.index()
                + " of every table; keys, indexes and verification at --finish"));
        out.printf(Locale.ROOT, "%-28s %16s %10s %16s %14s%n", "table", "rows", "batches", "bytes (est.)", "gen rows/s");
        long totalRows = 0;
        double totalBytes = 0;
        double generationSeconds = 0;
        int usableCores = Math.min(config.workers(), Runtime.getRuntime().availableProcessors());
        for (TableSpec table : dataset.tables()) {
            Sample sample = sample(table);
            long rows = ParallelCopyLoader.rowsOf(table, config.batchSize(), shard);
            double bytes = sample.bytesPerRow * rows;
            long allBatches = ParallelCopyLoader.batches(table.rowCount(), config.batchSize());
            long batches = shard.map(s -> s.unitsOf(allBatches)).orElse(allBatches);
            out.printf(Locale.ROOT, "%-28s %,16d %,10d %,16.0f %,14.0f%n", table.name(), rows, batches, bytes,
                    sample.rowsPerSecond);
            totalRows += rows;
            totalBytes += bytes;
            generationSeconds += rows / sample.rowsPerSecond / usableCores;
        }
        double ingestSeconds = totalBytes / ASSUMED_INGEST_BYTES_PER_SECOND;
        out.printf(Locale.ROOT, "%-28s %,16d %10s %,16.0f%n", "total", totalRows, "", totalBytes);
        out.printf(Locale.ROOT, "estimated time: %.0f s (the larger of generation on %d worker(s) at the rates measured now, %.0f s, "
                        + "and COPY ingest at an assumed %.0f MB/s, %.0f s; index builds come on top)%n",
                Math.max(generationSeconds, ingestSeconds), usableCores, generationSeconds,
                ASSUMED_INGEST_BYTES_PER_SECOND / 1e6, ingestSeconds);
        out.println("load id: " + plan.loadId());
        for (var step : dataset.outputSteps()) {
            if (shard.isPresent()) {
                out.printf(Locale.ROOT, "output step %s: %s%n", step.name(), step.shardable()
                        ? String.format(Locale.ROOT, "%,d units in shard %s", step.units(shard.get()), shard.get())
                        : String.format(Locale.ROOT, "%,d units, written whole by --finish", step.units()));
                continue;
            }
            out.printf(Locale.ROOT, "output step %s: %,d units%s%n", step.name(), step.units(),
                    step.estimatedBytes() < 0 ? "" : String.format(Locale.ROOT, ", about %,d bytes", step.estimatedBytes()));
        }
        return LoaderCli.EXIT_OK;
    }

    private record Sample(double bytesPerRow, double rowsPerSecond) {
    }

    /** Generates and binary-encodes the first rows of a table to measure bytes per row and generation speed. */
    private static Sample sample(TableSpec table) {
        long rows = Math.min(table.rowCount(), 50_000);
        RowGenerator generator = table.newGenerator();
        CopyBinaryEncoder encoder = new CopyBinaryEncoder();
        long bytes = 0;
        long started = System.nanoTime();
        for (long i = 0; i < rows; i++) {
            encoder.beginRow(table.columns().size());
            generator.generate(i, encoder);
            encoder.endRow();
            if (encoder.size() > 1 << 20) {
                bytes += encoder.size();
                encoder.clear();
            }
        }
        bytes += encoder.size();
        double seconds = Math.max(1e-6, (System.nanoTime() - started) / 1e9);
        return new Sample(bytes / (double) rows, rows / seconds);
    }

    <S extends Record> int load(LoaderConfig config, DatasetDefinition<S> definition, DatasetOptions<S> options) throws Exception {
        Dataset dataset = dataset(config, definition, options);
        LoadPlan plan = new LoadPlan(dataset, config.batchSize(), config.workers(), config.format());
        // every shard of one command derives the same default: the load id is a function of the plan
        ShardContract contract = config.sharding().withDefaultRunId(plan.loadId());
        Optional<Shard> shard = contract.shard();
        printConfiguration(config, "loadId=" + plan.loadId() + shard.map(s -> " shard=" + s).orElse("")
                + (config.finish() ? "" : " runId=" + contract.runId().orElseThrow())
                + contract.podUid().map(uid -> " podUid=" + uid).orElse(""));
        String name = "load-" + dataset.name() + shard.map(s -> "-shard-" + s.index() + "-of-" + s.count()).orElse("")
                + (config.finish() ? "-finish" : "");
        try (Run run = Run.start(config.results(), config.label(), RunKind.LOAD, name, clock)) {
            run.whenInterrupted(config.finish() ? "interrupted before the finish step ended; run it again"
                    : shard.isPresent() ? "interrupted before the shard finished; run the same command again to continue its slice"
                    : "interrupted before the load finished; continue with --resume");
            run.manifest().putParameters(config.describe());
            run.manifest().putParameter("loadId", plan.loadId());
            // the finish step adopts the run id its shards recorded unless one is given; recorded once it is known
            (config.finish() ? config.sharding() : contract).recordIn(run.manifest());
            run.manifest().putPlan(plan.describe());
            run.writeManifest();
            out.println("run folder: " + run.dir());
            if (config.finish()) {
                return inRun(config, dataset, plan, run, dataset.outputSteps(),
                        (datastores, context, outcome, started) -> finish(config, dataset, plan, run, datastores, context, outcome, started));
            }
            if (shard.isPresent()) {
                List<OutputStep> parts = dataset.outputSteps().stream().filter(OutputStep::shardable).toList();
                return inRun(config, dataset, plan, run, parts, (datastores, context, outcome, started) ->
                        loadShard(dataset, plan, run, shard.get(), contract, config.label(), datastores, context, outcome, started));
            }
            return inRun(config, dataset, plan, run, dataset.outputSteps(),
                    (datastores, context, outcome, started) -> loadWhole(config, dataset, plan, run, datastores, context, outcome, started));
        }
    }

    /** The part of a load that runs against the opened target, inside {@link #inRun}. */
    private interface LoadBody {
        /**
         * @param outcome receives what was loaded as soon as it is known, so a later failure still reports it
         * @param started {@link System#nanoTime()} at the start of the load
         */
        int run(Datastores datastores, DatastoresContext context, AtomicReference<DatasetLoader.Outcome> outcome, long started)
                throws Exception;
    }

    /**
     * Opens the target and runs {@code body}, with the run's failure path: on any exception the run folder gets a
     * FAILED load.json (listing what was loaded before) and manifest, naming the reason in one line.
     *
     * @param steps the output steps the body runs, whose readiness (Redis answering, a writable directory) is checked
     *              before PostgreSQL is touched
     */
    private int inRun(LoaderConfig config, Dataset dataset, LoadPlan plan, Run run, List<OutputStep> steps, LoadBody body)
            throws Exception {
        long started = System.nanoTime();
        AtomicReference<DatasetLoader.Outcome> outcome = new AtomicReference<>();
        Datastores datastores = null;
        Thread onSignal = null;
        try {
            datastores = Datastores.open(config.target());
            run.countAsOwn(datastores::serverPids);
            Datastores opened = datastores;
            onSignal = new Thread(() -> {
                if (run.isOpen()) {
                    err.println(config.finish() ? "interrupted: run the finish step again"
                            : config.sharding().shard().isPresent() ? "interrupted: committed batches are kept; run the same shard again to continue its slice"
                            : "interrupted: committed batches are kept; continue with the same command plus --resume");
                }
                opened.close();
            }, "loadbench-loader-interrupt");
            Runtime.getRuntime().addShutdownHook(onSignal);
            DatastoresContext context = new DatastoresContext(datastores, run.dir(), config.workers(), config.batchSize());
            // what the output steps need (Redis, RedisJSON, a writable --out) is checked before PostgreSQL is touched
            for (var step : steps) {
                step.checkReady(context);
            }
            datastores.postgres();
            // described once, while the servers answer: the failure path below must not wait on a server that froze
            run.manifest().target(datastores.describe());
            return body.run(datastores, context, outcome, started);
        } catch (Exception | Error thrown) {
            Throwable e = explained(thrown, datastores);
            if (run.isOpen()) {
                String reason = LoaderCli.firstLine(LoaderCli.describe(e));
                double seconds = (System.nanoTime() - started) / 1e9;
                try {
                    writeReport(run, LoadReports.failed(plan, config.resume(), outcome.get(), seconds, reason));
                } catch (RuntimeException secondary) {
                    e.addSuppressed(secondary);
                }
                run.failed(reason);
            }
            if (e instanceof Error error) {
                throw error;
            }
            throw (Exception) e;
        } finally {
            if (onSignal != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(onSignal);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it closes the datastores itself
                }
            }
            if (datastores != null) {
                datastores.close();
            }
        }
    }

    /** A load by one process: every batch, keys and indexes, output steps, verification. */
    private int loadWhole(LoaderConfig config, Dataset dataset, LoadPlan plan, Run run, Datastores datastores,
                          DatastoresContext context, AtomicReference<DatasetLoader.Outcome> outcome, long started) throws Exception {
        long remaining = new DatasetLoader(datastores::openPgConnection, context, LoadListener.NONE, out)
                .remainingRows(plan, config.resume());
        try (ProgressDisplay progress = new ProgressDisplay("load " + dataset.name(), remaining, err, interactive, System::nanoTime)) {
            outcome.set(new DatasetLoader(datastores::openPgConnection, context, progress, out).load(plan, config.resume()));
        }
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        printLoadSummary(outcome.get(), loadSeconds);
        out.println("verifying ...");
        VerificationResult verification = DatasetVerifier.verify(dataset, context);
        out.print(CheckTable.render(verification.results()));
        verification.checksums().forEach((table, sum) -> out.println("checksum " + table + " = " + sum));
        String failure = verification.passed() ? null : "verification failed: " + verification.failedChecks();
        writeReport(run, LoadReports.of(plan, config.resume(), outcome.get(), loadSeconds, verification, failure));
        return ended(run, verification, failure);
    }

    /**
     * One shard of a sharded load: its slice of every table and its part of the shardable output steps, then the
     * checksum of its slice; no keys, indexes or verification (the finish step does them once, for the whole).
     */
    private int loadShard(Dataset dataset, LoadPlan plan, Run run, Shard shard, ShardContract contract, String label,
                          Datastores datastores, DatastoresContext context, AtomicReference<DatasetLoader.Outcome> outcome,
                          long started) throws Exception {
        long remaining = new ShardedLoads(datastores::openPgConnection, context, LoadListener.NONE, out).remainingRows(plan, shard);
        ShardedLoads.ShardOutcome done;
        try (ProgressDisplay progress = new ProgressDisplay("load " + dataset.name() + " shard " + shard, remaining, err,
                interactive, System::nanoTime)) {
            done = new ShardedLoads(datastores::openPgConnection, context, progress, out)
                    .load(plan, shard, contract.runId().orElseThrow(), contract.podUid(), label);
        }
        outcome.set(done.outcome());
        double seconds = (System.nanoTime() - started) / 1e9;
        printLoadSummary(done.outcome(), seconds, true);
        done.checksums().forEach((table, sum) -> out.println("checksum " + table + " (shard " + shard + ") = " + sum));
        run.manifest().putParameter("shardAttempt", done.attempt());
        writeReport(run, LoadReports.ofShard(plan, done.outcome(), seconds, done.checksums(), null));
        if (!run.isOpen()) {
            return LoaderCli.EXIT_FAILED;
        }
        RunStatus status = run.succeeded();
        out.println(status + ": " + run.dir().resolve("load.json"));
        out.println("shard " + shard + " of " + dataset.name() + " complete (attempt " + done.attempt() + "); once every shard"
                + " is, run the same command with --finish in place of --shard");
        run.noise().ifPresent(noise -> out.println("noise: " + noise.describe()));
        return LoaderCli.EXIT_OK;
    }

    /**
     * The finish step of a sharded load: every shard checked complete, keys and indexes, output steps, then the
     * verification of the whole and the tables' checksums compared with the sum of the shards' slices.
     */
    private int finish(LoaderConfig config, Dataset dataset, LoadPlan plan, Run run, Datastores datastores,
                       DatastoresContext context, AtomicReference<DatasetLoader.Outcome> outcome, long started) throws Exception {
        ShardedLoads.Finished finished = new ShardedLoads(datastores::openPgConnection, context, LoadListener.NONE, out)
                .finish(plan, config.sharding().runId());
        long finishedAt = System.nanoTime();
        outcome.set(finished.outcome());
        config.sharding().withDefaultRunId(finished.runId()).recordIn(run.manifest());
        run.manifest().putParameter("shardCount", finished.shardCount());
        run.manifest().putParameter("shards", finished.shards().stream().map(s -> {
            Map<String, Object> shard = new java.util.LinkedHashMap<>();
            shard.put("index", s.shard().index());
            shard.put("attempts", s.attempts());
            shard.put("label", s.label().orElse(null));
            shard.put("podUid", s.podUid().orElse(null));
            return shard;
        }).toList());
        out.println("finished " + finished.shardCount() + " shard(s) of run " + finished.runId());
        printLoadSummary(finished.outcome(), finished.secondsSinceFirstShard());
        out.println("verifying ...");
        VerificationResult verification = DatasetVerifier.verify(dataset, context);
        out.print(CheckTable.render(verification.results()));
        List<String> mismatches = ShardedLoads.mismatches(finished, verification.checksums());
        verification.checksums().forEach((table, sum) -> out.println("checksum " + table + " = " + sum
                + (sum.equals(finished.shardChecksums().get(table)) ? " (the sum of its " + finished.shardCount() + " shards' slices)" : "")));
        String failure = !verification.passed() ? "verification failed: " + verification.failedChecks()
                : mismatches.isEmpty() ? null : "the shards do not add up: " + String.join("; ", mismatches);
        // the whole load: from the first shard's start to the end of this step's verification
        double seconds = finished.secondsSinceFirstShard() + (System.nanoTime() - finishedAt) / 1e9;
        writeReport(run, LoadReports.ofFinish(plan, finished, seconds, verification, failure));
        if (failure != null && verification.passed()) {
            run.failed(failure);
            throw new ShardsIncompleteException(failure);
        }
        return ended(run, verification, failure);
    }

    /** Ends a verified run: FAILED with the verification's failure, else OK (or NOISY). */
    private int ended(Run run, VerificationResult verification, String failure) {
        if (!run.isOpen()) {
            return LoaderCli.EXIT_FAILED;
        }
        if (failure != null) {
            run.failed(failure);
            throw new VerificationFailedException(verification.failedChecks() + " (numbers above; run folder " + run.dir() + ")");
        }
        RunStatus status = run.succeeded();
        out.println(status + ": " + run.dir().resolve("load.json"));
        run.noise().ifPresent(noise -> out.println("noise: " + noise.describe()));
        return LoaderCli.EXIT_OK;
    }

    private void printLoadSummary(DatasetLoader.Outcome outcome, double seconds) {
        printLoadSummary(outcome, seconds, false);
    }

    /** @param keysLater a shard's summary: its keys and indexes are built by the finish step */
    private void printLoadSummary(DatasetLoader.Outcome outcome, double seconds, boolean keysLater) {
        for (TableLoadResult t : outcome.tables()) {
            out.printf(Locale.ROOT, "table %s: %,d rows loaded in %.1f s (%,.0f rows/s, %.1f MB/s), %d batches%s; "
                            + "keys and indexes %s%n", t.table(), t.rows(), t.copySeconds(),
                    t.copySeconds() > 0 ? t.rows() / t.copySeconds() : 0, t.copySeconds() > 0 ? t.bytes() / 1e6 / t.copySeconds() : 0,
                    t.batches(), t.skippedBatches() > 0 ? " (" + t.skippedBatches() + " already committed, skipped)" : "",
                    keysLater ? "at --finish" : String.format(Locale.ROOT, "%.1f s", t.afterLoadSeconds()));
        }
        for (DatasetLoader.StepResult step : outcome.steps()) {
            out.printf(Locale.ROOT, "output %s: %,d units in %.1f s (%,.0f units/s, %.1f MB/s)%n", step.name(), step.units(),
                    step.seconds(), step.seconds() > 0 ? step.units() / step.seconds() : 0,
                    step.seconds() > 0 ? step.bytes() / 1e6 / step.seconds() : 0);
        }
        out.printf(Locale.ROOT, "load finished in %.1f s%n", seconds);
    }

    private static void writeReport(Run run, LoadResult report) {
        LoadResultWriter.write(run.dir().resolve(LoadResult.FILE), report);
        run.manifest().addFile(LoadResult.FILE);
    }

    <S extends Record> int verify(LoaderConfig config, DatasetDefinition<S> definition, DatasetOptions<S> options) throws Exception {
        printConfiguration(config, null);
        Dataset dataset = dataset(config, definition, options);
        LoadPlan plan = new LoadPlan(dataset, config.batchSize(), config.workers(), config.format());
        try (Datastores datastores = Datastores.open(config.target())) {
            DatastoresContext context = new DatastoresContext(datastores, config.results(), config.workers(), config.batchSize());
            try {
                warnIfPlanDiffers(context, plan);
                VerificationResult verification = DatasetVerifier.verify(dataset, context);
                out.print(CheckTable.render(verification.results()));
                verification.checksums().forEach((table, sum) -> out.println("checksum " + table + " = " + sum));
                if (!verification.passed()) {
                    throw new VerificationFailedException(verification.failedChecks() + " (numbers above)");
                }
                out.println("OK: " + dataset.name() + " verified");
                return LoaderCli.EXIT_OK;
            } catch (Exception e) {
                throw (Exception) explained(e, datastores);
            }
        }
    }

    /**
     * The failure as the user should read it: when the target's PostgreSQL was judged unresponsive (and its
     * connections aborted), that, not the driver's "An I/O error occurred" of the statement it ended.
     */
    private static Throwable explained(Throwable e, Datastores datastores) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CopyLoadException copy && copy.isStall()) {
                return e; // the COPY watchdog saw it first, and says which batch made no progress
            }
        }
        Optional<String> why = datastores == null ? Optional.empty() : datastores.postgresUnresponsive();
        return why.<Throwable>map(reason -> new DatastoreException(reason, e)).orElse(e);
    }

    /** A verify with other options than the load measures against the wrong targets: say so plainly. */
    private void warnIfPlanDiffers(DatastoresContext context, LoadPlan plan) throws Exception {
        try (Connection c = context.openPostgres()) {
            if (!ProgressTable.exists(c, ProgressTable.LOADS)) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT load_id, plan::text FROM " + ProgressTable.LOADS
                    + " WHERE dataset = ? ORDER BY started_at")) {
                ps.setString(1, plan.dataset().name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (!rs.getString(1).equals(plan.loadId())) {
                            err.println("warning: the target holds a load of " + plan.dataset().name()
                                    + " with another plan " + rs.getString(2) + "; pass the same --rows, --seed, --batch-size"
                                    + " and dataset options to verify it");
                        }
                    }
                }
            }
        }
    }

    <S extends Record> int drop(LoaderConfig config, DatasetDefinition<S> definition, DatasetOptions<S> options) throws Exception {
        printConfiguration(config, null);
        Dataset dataset = dataset(config, definition, options);
        try (Datastores datastores = Datastores.open(config.target())) {
            DatastoresContext context = new DatastoresContext(datastores, config.results(), config.workers(), config.batchSize());
            DatasetLoader.Dropped dropped;
            try {
                dropped = DatasetLoader.drop(dataset, datastores::openPgConnection, context);
            } catch (Exception e) {
                throw (Exception) explained(e, datastores);
            }
            out.println("dropped " + (dropped.tables().isEmpty() ? "no tables (none were left)" : "table(s) "
                    + String.join(", ", dropped.tables())) + (dataset.outputSteps().isEmpty() ? "" : ", the output of "
                    + String.join(", ", dataset.outputSteps().stream().map(step -> step.name()).toList()))
                    + " and the records of load(s) " + String.join(", ", dropped.loadIds()));
            return LoaderCli.EXIT_OK;
        }
    }

}
