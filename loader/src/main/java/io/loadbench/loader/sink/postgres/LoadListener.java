package io.loadbench.loader.sink.postgres;

/**
 * Hears about committed batches (progress display, tests injecting faults). Called from worker threads,
 * after the batch's transaction committed; implementations are thread-safe. An exception thrown here fails
 * the load like a failed COPY would.
 */
public interface LoadListener {

    void batchCommitted(String table, long batchNo, long rows, long bytes, int worker);

    LoadListener NONE = (table, batchNo, rows, bytes, worker) -> { };
}
