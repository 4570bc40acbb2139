/**
 * The shard contract: what a process of a scaled-out run reads to know its part, whatever started it (a shell loop,
 * SSH, a Kubernetes Indexed Job). It is small on purpose: the shard {@code i/N} ({@code --shard}, or
 * {@value io.loadbench.results.shard.ShardContract#INDEX_ENV} with {@value io.loadbench.results.shard.ShardContract#COUNT_ENV},
 * because Kubernetes injects the index of a pod but never the count), a run id that every shard of one run shares,
 * and the pod uid when a launcher provides it. Nothing here calls a launcher's API: a process that reads only this
 * contract runs the same code on a laptop and on a cluster.
 *
 * <p>{@link io.loadbench.results.shard.Shard} also fixes which units a shard owns (unit {@code u} belongs to shard
 * {@code u mod N}), so every producer splits its work the same way, and
 * {@link io.loadbench.results.shard.ShardContract#recordIn} writes the contract into a run's manifest in one shape
 * that a merge can read back ({@link io.loadbench.results.shard.ShardContract#shardOf}).
 */
package io.loadbench.results.shard;
