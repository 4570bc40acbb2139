package io.loadbench.benchmarks.redis;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.ThreadParams;

import io.loadbench.benchmarks.fork.ForkTarget;
import io.loadbench.datastores.Datastores;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/**
 * Redis write throughput: pipelined at depth 10, 100 and 1K, and plain round trips (depth 1), per data type.
 *
 * <p>Score: commands per second (every invocation sends {@value #COMMANDS_PER_INVOCATION} commands,
 * declared with {@code @OperationsPerInvocation}). Each benchmark thread has its own connection and its
 * own keys ({@code loadbench:jmh:redis:<thread>:<variant>:<n>}); every key is deleted after each iteration,
 * so each iteration starts from the same empty key space and nothing is left behind on a shared server.
 *
 * <p>Sizing: a half-second iteration holds several invocations even for round trips (a loopback round trip is
 * tens of microseconds); four 1-second warm-up iterations (the client's JIT and the server's allocator), eight
 * measured ones, two forks: about 18 s per combination, 20 combinations. Depth 10K is left out (its throughput is
 * depth 1K's: the server, not the round trips, is the limit by then), as is pipelined depth 1 (a round trip).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 8, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class RedisPipelineBenchmark {

    /** Commands per invocation: ten of the deepest default pipelines, so every depth sends whole pipelines. */
    static final int COMMANDS_PER_INVOCATION = 10_000;
    /** Keys per variant and thread: writes spread over them, so memory stays bounded. */
    static final int KEY_SPACE = 10_000;
    /** Distinct values, fields and members: enough to defeat any caching, few enough to pre-build. */
    static final int VALUE_POOL = 1_024;
    /** Bytes per value: a small cached object or event, the common case for a cache fill. */
    static final int VALUE_BYTES = 100;
    private static final long VALUE_SEED = 0x5EED_0F_4ED15L;

    @Param({"STRING", "HASH", "LIST", "SET", "SORTED_SET"})
    public RedisWrite variant;

    /** The pipeline depth sweep; only {@link #pipelined} uses it. */
    @State(Scope.Thread)
    public static class Depth {
        @Param({"10", "100", "1000"})
        public int commandsPerPipeline;

        @Setup(Level.Trial)
        public void validate() {
            if (commandsPerPipeline < 1 || COMMANDS_PER_INVOCATION % commandsPerPipeline != 0) {
                throw new IllegalArgumentException("commandsPerPipeline must divide " + COMMANDS_PER_INVOCATION
                        + " so every invocation sends whole pipelines; got " + commandsPerPipeline);
            }
        }
    }

    private Datastores datastores;
    private Jedis jedis;
    private byte[][] keys;
    private byte[][] members;
    private byte[][] values;
    private long commandIndex;

    @Setup(Level.Trial)
    public void connect(ThreadParams thread) {
        datastores = ForkTarget.open();
        jedis = datastores.openRedisConnection();
        String prefix = "loadbench:jmh:redis:" + thread.getThreadIndex() + ":" + variant.name().toLowerCase(Locale.ROOT) + ":";
        keys = new byte[KEY_SPACE][];
        for (int i = 0; i < KEY_SPACE; i++) {
            keys[i] = (prefix + i).getBytes(StandardCharsets.US_ASCII);
        }
        SplittableRandom random = new SplittableRandom(VALUE_SEED);
        members = new byte[VALUE_POOL][];
        values = new byte[VALUE_POOL][];
        for (int i = 0; i < VALUE_POOL; i++) {
            members[i] = ("m" + i).getBytes(StandardCharsets.US_ASCII);
            values[i] = randomAlphanumeric(random, VALUE_BYTES);
        }
        deleteKeys();
    }

    @TearDown(Level.Iteration)
    public void deleteKeys() {
        try (Pipeline pipeline = jedis.pipelined()) {
            for (int from = 0; from < KEY_SPACE; from += 1_000) {
                byte[][] batch = new byte[Math.min(1_000, KEY_SPACE - from)][];
                System.arraycopy(keys, from, batch, 0, batch.length);
                pipeline.unlink(batch);
            }
            pipeline.sync();
        }
    }

    @TearDown(Level.Trial)
    public void disconnect() {
        try (Datastores closing = datastores; Jedis closingJedis = jedis) {
            deleteKeys();
        }
    }

    @Benchmark
    @OperationsPerInvocation(COMMANDS_PER_INVOCATION)
    public void pipelined(Depth depth, Blackhole blackhole) {
        for (int sent = 0; sent < COMMANDS_PER_INVOCATION; sent += depth.commandsPerPipeline) {
            Pipeline pipeline = jedis.pipelined();
            for (int i = 0; i < depth.commandsPerPipeline; i++) {
                long n = commandIndex++;
                variant.pipelined(pipeline, key(n), member(n), value(n), n);
            }
            blackhole.consume(pipeline.syncAndReturnAll());
        }
    }

    @Benchmark
    @OperationsPerInvocation(COMMANDS_PER_INVOCATION)
    public void roundTrips(Blackhole blackhole) {
        for (int sent = 0; sent < COMMANDS_PER_INVOCATION; sent++) {
            long n = commandIndex++;
            blackhole.consume(variant.roundTrip(jedis, key(n), member(n), value(n), n));
        }
    }

    private byte[] key(long n) {
        return keys[(int) (n % KEY_SPACE)];
    }

    private byte[] member(long n) {
        // a different stride from the key, so a key does not always receive the same member
        return members[(int) ((n / KEY_SPACE) % VALUE_POOL)];
    }

    private byte[] value(long n) {
        return values[(int) (n % VALUE_POOL)];
    }

    private static byte[] randomAlphanumeric(SplittableRandom random, int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return bytes;
    }
}
