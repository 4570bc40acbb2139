/**
 * The PostgreSQL COPY sink: N workers, each with its own connection, generator and encoder, take batch
 * numbers from a shared queue and load each batch in its own transaction with {@code COPY ... FROM STDIN};
 * the same transaction records the batch in {@code loadbench_load_progress}, so a batch is either loaded
 * and recorded or neither, and an interrupted load resumes by skipping recorded batches (a shard of a sharded load
 * takes only the batch numbers of its slice). A failed COPY is
 * cancelled, its transaction rolled back, its connection closed, and the error ends the load.
 */
package io.loadbench.loader.sink.postgres;
