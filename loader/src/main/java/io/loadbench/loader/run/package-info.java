/**
 * Loading, verifying and dropping a dataset against a target: the load plan and its id
 * ({@link io.loadbench.loader.run.LoadPlan}), the orchestration of tables in order with resume
 * ({@link io.loadbench.loader.run.DatasetLoader}), a load split over processes that share one server (the shards and
 * the finish step of {@link io.loadbench.loader.run.ShardedLoads}, with the locks of
 * {@link io.loadbench.loader.run.DatasetLock}), verification with per-table checksums
 * ({@link io.loadbench.loader.run.DatasetVerifier}, {@link io.loadbench.loader.run.TableChecksums}), and the
 * {@code load.json} document
 * ({@link io.loadbench.loader.run.LoadReports} builds the results format's
 * {@link io.loadbench.results.load.LoadResult}).
 */
package io.loadbench.loader.run;
