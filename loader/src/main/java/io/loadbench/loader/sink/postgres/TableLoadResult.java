package io.loadbench.loader.sink.postgres;

import java.util.List;

/**
 * What loading one table took.
 *
 * @param table           table name
 * @param totalRows       rows the table holds when the load is complete
 * @param totalBatches    batches of the plan
 * @param skippedBatches  batches found committed by an earlier, interrupted run (resume)
 * @param rows            rows this run loaded
 * @param bytes           COPY bytes this run sent
 * @param batches         batches this run committed
 * @param copySeconds     wall time of the parallel COPY phase
 * @param afterLoadSeconds wall time of the after-load DDL (keys, indexes, ANALYZE)
 * @param workers         per-worker figures
 */
public record TableLoadResult(String table, long totalRows, long totalBatches, long skippedBatches, long rows,
                              long bytes, long batches, double copySeconds, double afterLoadSeconds,
                              List<WorkerResult> workers) {

    public TableLoadResult {
        workers = List.copyOf(workers);
    }

    /**
     * One worker's share of a table.
     *
     * @param worker  0-based worker number
     * @param rows    rows it loaded
     * @param bytes   COPY bytes it sent
     * @param batches batches it committed
     * @param seconds wall time from its start to its end
     */
    public record WorkerResult(int worker, long rows, long bytes, long batches, double seconds) {
    }
}
