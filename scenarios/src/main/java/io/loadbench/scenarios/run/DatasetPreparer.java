package io.loadbench.scenarios.run;

import io.loadbench.datastores.Datastores;
import io.loadbench.loader.encode.CopyEncoder;
import io.loadbench.loader.run.DatasetLoader;
import io.loadbench.loader.run.DatasetVerifier;
import io.loadbench.loader.run.DatastoresContext;
import io.loadbench.loader.run.LoadPlan;
import io.loadbench.loader.run.VerificationResult;
import io.loadbench.loader.sink.postgres.LoadListener;
import io.loadbench.loader.spi.Dataset;
import io.loadbench.loader.spi.DatasetDefinition;
import io.loadbench.loader.spi.DatasetParameters;
import io.loadbench.loader.spi.DatasetRegistry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a simulation's dataset present on its target at the preset's scale, through the loader's own API:
 * a dataset that is there and passes the loader's verification is used as is; otherwise it is loaded
 * (resuming a partial load of the same plan) and verified. A table of a different plan is never
 * overwritten: the loader refuses, and the simulation fails with its message.
 */
public final class DatasetPreparer {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetPreparer.class);
    private static final int BATCH_SIZE = 50_000;

    private DatasetPreparer() {
    }

    /** What was done: {@code verified} (already present) or {@code loaded}, and the dataset's parameters. */
    public record Prepared(Dataset dataset, String action, Map<String, Object> parameters) {
    }

    /**
     * @param seed     the dataset seed
     * @param rows     the dataset's {@code --rows}; 0 for the dataset's default (datasets sized by their own
     *                 settings, such as {@code gateway} profiles or {@code commerce} days, want it left there)
     * @param settings the dataset's own settings, e.g. {@code WeatherSettings.DEFAULTS}; their type names the
     *                 dataset
     */
    public static <S extends Record> Prepared prepare(Datastores datastores, Path runDir, long seed, long rows, S settings) {
        DatasetDefinition<S> definition = DatasetRegistry.builtIn().forSettings(settings);
        String name = definition.name();
        Dataset dataset = definition.create(new DatasetParameters(seed, rows > 0 ? rows : definition.defaultRows()), settings);
        int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        DatastoresContext context = new DatastoresContext(datastores, runDir, workers, BATCH_SIZE);
        Map<String, Object> parameters = new LinkedHashMap<>(dataset.parameters());
        try {
            VerificationResult present = tryVerify(dataset, context);
            if (present != null && present.passed()) {
                LOG.info("dataset {} present and verified", name);
                return new Prepared(dataset, "verified", parameters);
            }
            LOG.info("loading dataset {} {}{}", name, dataset.parameters(),
                    present == null ? "" : " (present but failed " + present.failedChecks() + ")");
            DatasetLoader loader = new DatasetLoader(datastores::openPgConnection, context, LoadListener.NONE,
                    new PrintStream(PrintStream.nullOutputStream()));
            loader.load(new LoadPlan(dataset, BATCH_SIZE, workers, CopyEncoder.Format.BINARY), true);
            VerificationResult loaded = DatasetVerifier.verify(dataset, context);
            if (!loaded.passed()) {
                throw new IllegalStateException("dataset " + name + " failed verification after loading: " + loaded.failedChecks());
            }
            return new Prepared(dataset, "loaded", parameters);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot prepare dataset " + name + ": " + e.getMessage(), e);
        }
    }

    private static VerificationResult tryVerify(Dataset dataset, DatastoresContext context) {
        try {
            return DatasetVerifier.verify(dataset, context);
        } catch (Exception e) {
            // a missing table (the usual case on a fresh target) or unreadable data: load it
            return null;
        }
    }
}
