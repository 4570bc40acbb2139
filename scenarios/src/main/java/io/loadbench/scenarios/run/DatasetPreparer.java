package io.loadbench.scenarios.run;

import io.loadbench.datastores.Datastores;
import io.loadbench.loader.encode.CopyEncoder;
import io.loadbench.loader.run.DatasetLoader;
import io.loadbench.loader.run.DatasetVerifier;
import io.loadbench.loader.run.DatastoresContext;
import io.loadbench.loader.run.LoadPlan;
import io.loadbench.loader.run.TargetNotEmptyException;
import io.loadbench.loader.run.VerificationResult;
import io.loadbench.loader.sink.postgres.LoadListener;
import io.loadbench.loader.spi.Dataset;
import io.loadbench.loader.spi.DatasetDefinition;
import io.loadbench.loader.spi.DatasetParameters;
import io.loadbench.loader.spi.DatasetRegistry;
import io.loadbench.results.Manifest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a simulation's dataset present on its target at the preset's scale, as a load leaves it, through the
 * loader's own API, so that a workload run twice (or ten times) on the same servers starts from the same data:
 * <ul>
 *   <li>a dataset whose immutable part (tables, row counts, distributions, checksums) passes the loader's
 *   verification is used as is, and its {@linkplain io.loadbench.loader.spi.MutableData mutable data} (the counters
 *   and cache entries an earlier run changed) is restored to its loaded state and checked: {@code restored}, or
 *   {@code verified} for a dataset that has none;</li>
 *   <li>otherwise it is loaded, resuming a partial load of the same plan and reloading a table dropped by hand
 *   ({@link DatasetLoader.Mode#RESUME_RELOADING_DROPPED}), and verified whole: {@code loaded}.</li>
 * </ul>
 * A dataset of a different plan, or one changed outside loadbench, is never overwritten: the preparation fails
 * with one line saying what to drop.
 */
public final class DatasetPreparer {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetPreparer.class);
    private static final int BATCH_SIZE = 50_000;

    private DatasetPreparer() {
    }

    /** What the preparation did with the dataset, as the manifest's {@code datasetAction} records it. */
    public enum Action {
        /** Present and verified; nothing in it is changed by workloads. */
        VERIFIED,
        /** Present and verified; its mutable data was restored to the loaded state and checked. */
        RESTORED,
        /** Missing or partial: loaded (or its load continued) and verified. */
        LOADED;

        /** The manifest value: {@code verified}, {@code restored} or {@code loaded}. */
        public String manifestValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What was done, the dataset's parameters, and for {@link Action#RESTORED} what the restore wrote and deleted
     * (one line).
     */
    public record Prepared(Dataset dataset, Action action, Map<String, Object> parameters, Optional<String> restored) {

        /** Records the preparation in the manifest: {@code dataset}, {@code datasetAction} and {@code datasetRestored}. */
        public void recordIn(Manifest manifest) {
            manifest.putParameter("dataset", parameters).putParameter("datasetAction", action.manifestValue());
            restored.ifPresent(what -> manifest.putParameter("datasetRestored", what));
        }
    }

    /**
     * @param seed     the dataset seed
     * @param rows     the dataset's {@code --rows}; 0 for the dataset's default (datasets sized by their own
     *                 settings, such as {@code gateway} profiles or {@code commerce} days, want it left there)
     * @param settings the dataset's own settings, e.g. {@code WeatherSettings.DEFAULTS}; their type names the
     *                 dataset
     * @throws IllegalStateException with a one-line message when the dataset cannot be made ready
     */
    public static <S extends Record> Prepared prepare(Datastores datastores, Path runDir, long seed, long rows, S settings) {
        DatasetDefinition<S> definition = DatasetRegistry.builtIn().forSettings(settings);
        String name = definition.name();
        Dataset dataset = definition.create(new DatasetParameters(seed, rows > 0 ? rows : definition.defaultRows()), settings);
        int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        DatastoresContext context = new DatastoresContext(datastores, runDir, workers, BATCH_SIZE);
        Map<String, Object> parameters = new LinkedHashMap<>(dataset.parameters());
        try {
            Optional<VerificationResult> present = verifyImmutable(dataset, context);
            if (present.isPresent() && present.get().passed()) {
                if (dataset.mutableData().isEmpty()) {
                    LOG.info("dataset {} present and verified", name);
                    return new Prepared(dataset, Action.VERIFIED, parameters, Optional.empty());
                }
                DatasetLoader.Restored restored = DatasetLoader.restore(dataset, datastores::openPgConnection, context);
                VerificationResult mutable = DatasetVerifier.verify(dataset, context, DatasetVerifier.Scope.MUTABLE);
                if (!mutable.passed()) {
                    throw new IllegalStateException("dataset " + name + ": " + mutable.failedChecks()
                            + " still differ from the loaded state after restoring them (" + restored.describe()
                            + "); drop the dataset with the loader ('drop " + name + "') and run again");
                }
                LOG.info("dataset {} present and verified; restored {}", name, restored.describe());
                return new Prepared(dataset, Action.RESTORED, parameters, Optional.of(restored.describe()));
            }
            LOG.info("loading dataset {} {}{}", name, dataset.parameters(),
                    present.map(result -> " (present but failed " + result.failedChecks() + ")").orElse(""));
            ByteArrayOutputStream notes = new ByteArrayOutputStream();
            DatasetLoader loader = new DatasetLoader(datastores::openPgConnection, context, LoadListener.NONE,
                    new PrintStream(notes, true, StandardCharsets.UTF_8));
            try {
                loader.load(new LoadPlan(dataset, BATCH_SIZE, workers, CopyEncoder.Format.BINARY),
                        DatasetLoader.Mode.RESUME_RELOADING_DROPPED);
            } finally {
                notes.toString(StandardCharsets.UTF_8).lines().filter(line -> line.startsWith("note:"))
                        .forEach(line -> LOG.info("dataset {}: {}", name, line));
            }
            VerificationResult loaded = DatasetVerifier.verify(dataset, context);
            if (!loaded.passed()) {
                throw new IllegalStateException("dataset " + name + " failed verification after loading: " + loaded.failedChecks()
                        + (present.isPresent() ? "; it was changed outside loadbench: drop it with the loader ('drop " + name
                        + "') and run again" : ""));
            }
            return new Prepared(dataset, Action.LOADED, parameters, Optional.empty());
        } catch (TargetNotEmptyException e) {
            // the loader's own line says what is there and what to drop; say which plan the run wanted
            throw new IllegalStateException("cannot load dataset " + name + " " + dataset.parameters() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot prepare dataset " + name + ": " + e.getMessage(), e);
        }
    }

    /** How often a shard that does not prepare the dataset checks whether it is ready. */
    static final Duration AWAIT_POLL = Duration.ofSeconds(2);

    /**
     * Waits, until {@code deadline} at most, for the dataset another process prepares (shard 0 of a scaled-out run)
     * to verify, changing nothing in it.
     *
     * @return the preparation, {@link Action#VERIFIED}, or empty when the deadline came first
     */
    public static <S extends Record> Optional<Prepared> awaitPrepared(Datastores datastores, Path runDir, long seed, long rows,
                                                                      S settings, Instant deadline, Clock clock) {
        DatasetDefinition<S> definition = DatasetRegistry.builtIn().forSettings(settings);
        Dataset dataset = definition.create(new DatasetParameters(seed, rows > 0 ? rows : definition.defaultRows()), settings);
        DatastoresContext context = new DatastoresContext(datastores, runDir, 1, BATCH_SIZE);
        while (true) {
            Optional<VerificationResult> present = verifyImmutable(dataset, context);
            if (present.isPresent() && present.get().passed()) {
                LOG.info("dataset {} prepared by shard 0 and verified", definition.name());
                return Optional.of(new Prepared(dataset, Action.VERIFIED, new LinkedHashMap<>(dataset.parameters()), Optional.empty()));
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.compareTo(AWAIT_POLL) < 0) {
                return Optional.empty();
            }
            LOG.info("dataset {} not ready yet (shard 0 prepares it); checking again in {} s", definition.name(), AWAIT_POLL.toSeconds());
            try {
                Thread.sleep(AWAIT_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /** The immutable part's verification, empty when it cannot run (a missing table: the usual fresh target). */
    private static Optional<VerificationResult> verifyImmutable(Dataset dataset, DatastoresContext context) {
        try {
            return Optional.of(DatasetVerifier.verify(dataset, context, DatasetVerifier.Scope.IMMUTABLE));
        } catch (Exception e) {
            LOG.debug("dataset {} not verifiable as present: {}", dataset.name(), e.getMessage());
            return Optional.empty();
        }
    }
}
