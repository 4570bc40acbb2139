package io.loadbench.loader.run;

import io.loadbench.loader.encode.CopyEncoder;
import io.loadbench.loader.spi.Dataset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a load will do: the dataset (built for a seed, size and options), the batch size, worker count and
 * COPY format. Its {@link #loadId()} is a hash of everything that decides which rows go in which batch
 * (dataset name and parameters, batch size), so a resumed load only ever continues a load of the same plan;
 * workers and format do not change the data and may differ between the interrupted run and the resumed one.
 */
public final class LoadPlan {

    private final Dataset dataset;
    private final int batchSize;
    private final int workers;
    private final CopyEncoder.Format format;
    private final String loadId;

    public LoadPlan(Dataset dataset, int batchSize, int workers, CopyEncoder.Format format) {
        this.dataset = dataset;
        this.batchSize = batchSize;
        this.workers = workers;
        this.format = format;
        this.loadId = computeLoadId(dataset.name(), dataset.parameters(), batchSize);
    }

    static String computeLoadId(String dataset, SortedMap<String, Object> parameters, int batchSize) {
        StringBuilder canonical = new StringBuilder("loadbench-load-v1|").append(dataset);
        for (Map.Entry<String, Object> e : parameters.entrySet()) {
            canonical.append('|').append(e.getKey()).append('=').append(e.getValue());
        }
        canonical.append("|batchSize=").append(batchSize);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return dataset + "-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public Dataset dataset() {
        return dataset;
    }

    public int batchSize() {
        return batchSize;
    }

    public int workers() {
        return workers;
    }

    public CopyEncoder.Format format() {
        return format;
    }

    public String loadId() {
        return loadId;
    }

    /** The plan as the manifest's {@code plan} section: dataset parameters plus batch size. */
    public SortedMap<String, Object> describe() {
        SortedMap<String, Object> plan = new TreeMap<>(dataset.parameters());
        plan.put("dataset", dataset.name());
        plan.put("batchSize", batchSize);
        return plan;
    }
}
