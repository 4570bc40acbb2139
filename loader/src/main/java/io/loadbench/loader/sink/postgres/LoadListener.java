package io.loadbench.loader.sink.postgres;

/**
 * Hears about committed batches (progress display, tests injecting faults) and the output steps after the tables
 * (a Redis fill, a file). Called from worker threads, after the batch's transaction committed; implementations are
 * thread-safe. An exception thrown here fails the load like a failed COPY would.
 */
public interface LoadListener {

    void batchCommitted(String table, long batchNo, long rows, long bytes, int worker);

    /** An output step starts: {@code units} of it, counted in {@code unit} ({@code keys}, {@code rows}). */
    default void outputStepStarted(String step, long units, String unit) {
    }

    /** The running output step has done {@code unitsDone} so far (a total, not a step); from the step's threads. */
    default void outputStepProgress(String step, long unitsDone) {
    }

    /** The output step ended, done or failed. */
    default void outputStepFinished(String step) {
    }

    LoadListener NONE = (table, batchNo, rows, bytes, worker) -> { };
}
