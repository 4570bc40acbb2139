/**
 * The dataset extension point: what a dataset must provide so that the loader can plan, generate,
 * encode, load, verify and drop it.
 *
 * <p>A dataset is described by a {@link io.loadbench.loader.spi.DatasetDefinition} (its name, its own typed
 * settings record and a factory), registered in {@link io.loadbench.loader.spi.DatasetRegistry}, that builds a
 * {@link io.loadbench.loader.spi.Dataset} from the common {@link io.loadbench.loader.spi.DatasetParameters}
 * (seed, rows) and the settings: tables in load
 * order ({@link io.loadbench.loader.spi.TableSpec}), optional non-table outputs
 * ({@link io.loadbench.loader.spi.OutputStep}, e.g. Redis fills or files), verification
 * checks ({@link io.loadbench.loader.spi.Check}) of what must stay as loaded, and the data workloads change by
 * design ({@link io.loadbench.loader.spi.MutableData}: counters, cache entries), with the check of its loaded state
 * and a restore. Rows are produced by a
 * {@link io.loadbench.loader.spi.RowGenerator} that writes typed values into a
 * {@link io.loadbench.loader.spi.RowWriter}; every encoder (COPY binary, COPY text, CSV, NDJSON) implements
 * {@code RowWriter}, so a generator never knows the wire format.
 *
 * <p>The one rule every implementation obeys: row <i>i</i> of a table is a pure function of the dataset
 * seed and <i>i</i>. That is what lets N workers generate disjoint batches in any order, lets an
 * interrupted load resume exactly, and makes two loads with the same seed checksum-identical. The
 * reusable contract test {@code io.loadbench.loader.testing.DatasetContractTest} (loader test-jar) checks it.
 */
package io.loadbench.loader.spi;
