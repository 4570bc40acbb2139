package io.loadbench.scenarios.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import redis.clients.jedis.BuilderFactory;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Connection;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Redis commands pipelined on the engine's connections, when the protocol's {@code redisPipelineDepth} is above 1:
 * one thread per connection takes up to {@code depth} waiting commands from one bounded queue, writes them back to
 * back, then reads their replies in order, each command's end being the moment its own reply was read. At most
 * {@code depth} commands are in flight on a connection; a command that arrives while its connection waits for a
 * batch's replies waits for the next batch (redis-benchmark's {@code -P}; memtier's window slides instead, which
 * Jedis's connection, one reader and writer at a time, cannot do).
 *
 * <p>The rules are the engine's: a command that waited in the queue longer than the pool timeout fails without
 * being sent; a full queue drops the command (the caller counts it); an error reply fails its command alone; a lost
 * connection or a reply later than the query timeout (the socket's timeout) fails the rest of its batch. Every
 * completion runs on a worker thread; the in-flight count drops after it. Thread-safe.
 */
final class PipelinedRedisCalls implements AutoCloseable {

    /** A command waiting for its batch. */
    record Pending(long intendedStartNanos, RedisCommand command, Consumer<Outcome<Object>> done) {
    }

    private static final long POLL_MS = 100;

    private final RedisClient redis;
    private final int depth;
    private final long poolTimeoutNanos;
    private final long closeWaitMs;
    private final AtomicInteger inFlight;
    private final LinkedBlockingQueue<Pending> queue;
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean closed;

    PipelinedRedisCalls(RedisClient redis, DatastoreSettings settings, AtomicInteger inFlight) {
        this.redis = redis;
        this.depth = settings.redisPipelineDepth();
        this.poolTimeoutNanos = settings.poolTimeout().toNanos();
        this.closeWaitMs = settings.queryTimeout().toMillis() + 1_000;
        this.inFlight = inFlight;
        this.queue = new LinkedBlockingQueue<>(settings.executorQueueCapacity());
        for (int i = 1; i <= settings.redisPoolSize(); i++) {
            Thread worker = new Thread(this::work, "redis-pipeline-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    /** Queues a command (the caller counted it in flight); false when the queue is full or closed. */
    boolean offer(Pending pending) {
        return !closed && queue.offer(pending);
    }

    private void work() {
        List<Pending> batch = new ArrayList<>(depth);
        while (!closed) {
            try {
                Pending first = queue.poll(POLL_MS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, depth - 1);
                send(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                // whatever a batch left (an unexpected failure) still completes: nobody waits for it
                for (Pending left : batch) {
                    complete(left, failed(left, "the pipelined Redis call could not complete"));
                }
                batch.clear();
            }
        }
    }

    /** Sends the batch's live commands and reads their replies; completes each and removes it from the batch. */
    private void send(List<Pending> batch) {
        long now = System.nanoTime();
        for (int i = batch.size() - 1; i >= 0; i--) {
            Pending pending = batch.get(i);
            long waited = now - pending.intendedStartNanos();
            if (waited > poolTimeoutNanos) {
                batch.remove(i);
                complete(pending, failed(pending, "no Redis connection within the pool timeout ("
                        + TimeUnit.NANOSECONDS.toMillis(poolTimeoutNanos) + " ms, waited " + TimeUnit.NANOSECONDS.toMillis(waited) + " ms)"));
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        Connection connection;
        try {
            connection = redis.getPool().getResource();
        } catch (RuntimeException e) {
            failAll(batch, "no Redis connection: " + DatastoreEngine.oneLine(e));
            return;
        }
        long sentNanos = System.nanoTime();
        try (connection) {
            for (Pending pending : batch) {
                connection.sendCommand(new CommandArguments(pending.command().protocolCommand()).addObjects(pending.command().args()));
            }
            while (!batch.isEmpty()) {
                Pending pending = batch.get(0);
                Outcome<Object> outcome;
                try {
                    Object reply = BuilderFactory.ENCODED_OBJECT.build(connection.getOne());
                    outcome = new Outcome<>(reply, null, pending.intendedStartNanos(), sentNanos, System.nanoTime());
                } catch (JedisDataException e) {
                    // an error reply: this command failed, the next reply is the next command's
                    outcome = new Outcome<>(null, DatastoreEngine.oneLine(e), pending.intendedStartNanos(), sentNanos, System.nanoTime());
                }
                batch.remove(0);
                complete(pending, outcome);
            }
        } catch (RuntimeException e) {
            // a lost connection or a reply past the socket timeout: the rest of the batch has no reply coming
            failAll(batch, DatastoreEngine.oneLine(e), sentNanos);
        }
    }

    private void failAll(List<Pending> batch, String reason) {
        failAll(batch, reason, System.nanoTime());
    }

    private void failAll(List<Pending> batch, String reason, long serviceStartNanos) {
        long now = System.nanoTime();
        for (Pending pending : batch) {
            complete(pending, new Outcome<>(null, reason, pending.intendedStartNanos(), Math.min(serviceStartNanos, now), now));
        }
        batch.clear();
    }

    private static Outcome<Object> failed(Pending pending, String reason) {
        long now = System.nanoTime();
        return new Outcome<>(null, reason, pending.intendedStartNanos(), now, now);
    }

    private void complete(Pending pending, Outcome<Object> outcome) {
        try {
            pending.done().accept(outcome);
        } finally {
            // after the completion ran: the engine's awaitIdle() then means every reply is recorded
            inFlight.decrementAndGet();
        }
    }

    /** Stops taking commands, lets the batches in flight finish (bounded by the query timeout), fails what waits. */
    @Override
    public void close() {
        closed = true;
        for (Thread worker : workers) {
            try {
                worker.join(closeWaitMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (Pending pending = queue.poll(); pending != null; pending = queue.poll()) {
            complete(pending, failed(pending, "the datastore protocol is closed"));
        }
    }
}
