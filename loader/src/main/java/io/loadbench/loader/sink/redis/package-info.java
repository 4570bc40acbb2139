/**
 * The Redis sink: commands encoded straight into RESP and streamed over one connection with a bounded,
 * sliding in-flight window.
 *
 * <p>{@link io.loadbench.loader.sink.redis.RedisCommandWriter} is what a dataset writes to, one argument
 * at a time. {@link io.loadbench.loader.sink.redis.SingleWriterRedisPipeline} sends those commands to a
 * server: the loading thread writes, an internal thread parses every reply, and at most
 * {@code --batch-size} commands are unanswered at any moment (the pipeline depth). The first error reply
 * fails the load with one line naming the server, the command number and the item it belonged to.
 * {@link io.loadbench.loader.sink.redis.RespStreamWriter} writes the same bytes to a file, which
 * {@code redis-cli --pipe} replays unchanged; that is how the sink is measured against redis-cli.
 *
 * <p>Why not Jedis' pipeline here: Jedis syncs a pipeline batch by batch, so the connection idles once
 * per batch, and it allocates a response object per command. Workloads (the Gatling scenarios) use
 * Jedis; bulk fills use this sink.
 */
package io.loadbench.loader.sink.redis;
