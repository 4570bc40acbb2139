package io.loadbench.scenarios.protocol;

/**
 * The Redis commands the DSL names, typed by the arguments they take after the key, so that
 * {@code redis(name).command(SETEX, key, ttlSeconds, value)} only compiles with the arguments SETEX takes:
 *
 * <pre>{@code
 * import static io.loadbench.scenarios.protocol.RedisCommands.*;
 *
 * redis("overview get").command(GET, "overview:#{orgId}")
 * redis("overview set").command(SETEX, "overview:#{orgId}", 300, "#{overview}")
 * }</pre>
 *
 * A lookup's successful reply counts as a cache hit (non-empty) or miss (nil or empty) in the run's hit ratio.
 * Anything else goes through {@code command(String name, String... args)}.
 */
public final class RedisCommands {

    /** A command on a key alone. */
    public record KeyCommand(String name, boolean cacheLookup) {
    }

    /** A command on a key and a value (or field, or member). */
    public record KeyValueCommand(String name, boolean cacheLookup) {
    }

    /** A command on a key and a number (an increment, seconds). */
    public record KeyNumberCommand(String name) {
    }

    /** A command on a key and a range of indexes, start and stop inclusive. */
    public record KeyRangeCommand(String name) {
    }

    /** A command on a key, a number (seconds, an increment) and a value (or member). */
    public record KeyNumberValueCommand(String name) {
    }

    /** A command on a key, a field and a value. */
    public record KeyFieldValueCommand(String name) {
    }

    /** A command on a key, a field and a number (an increment). */
    public record KeyFieldNumberCommand(String name) {
    }

    // strings and keys
    /** GET key: a cache lookup. */
    public static final KeyCommand GET = new KeyCommand("GET", true);
    /** SET key value. */
    public static final KeyValueCommand SET = new KeyValueCommand("SET", false);
    /** SETEX key seconds value: cache fill with a TTL. */
    public static final KeyNumberValueCommand SETEX = new KeyNumberValueCommand("SETEX");
    /** INCR key. */
    public static final KeyCommand INCR = new KeyCommand("INCR", false);
    /** INCRBY key increment. */
    public static final KeyNumberCommand INCRBY = new KeyNumberCommand("INCRBY");
    /** EXPIRE key seconds. */
    public static final KeyNumberCommand EXPIRE = new KeyNumberCommand("EXPIRE");
    /** DEL key. */
    public static final KeyCommand DEL = new KeyCommand("DEL", false);
    // hashes
    /** HGET key field: a cache lookup. */
    public static final KeyValueCommand HGET = new KeyValueCommand("HGET", true);
    /** HGETALL key: a cache lookup (an empty hash is a miss). */
    public static final KeyCommand HGETALL = new KeyCommand("HGETALL", true);
    /** HSET key field value. */
    public static final KeyFieldValueCommand HSET = new KeyFieldValueCommand("HSET");
    /** HINCRBY key field increment. */
    public static final KeyFieldNumberCommand HINCRBY = new KeyFieldNumberCommand("HINCRBY");
    // lists
    /** LPUSH key value. */
    public static final KeyValueCommand LPUSH = new KeyValueCommand("LPUSH", false);
    /** LRANGE key start stop: a cache lookup. */
    public static final KeyRangeCommand LRANGE = new KeyRangeCommand("LRANGE");
    // sets
    /** SADD key member. */
    public static final KeyValueCommand SADD = new KeyValueCommand("SADD", false);
    /** SMEMBERS key: a cache lookup. */
    public static final KeyCommand SMEMBERS = new KeyCommand("SMEMBERS", true);
    // sorted sets
    /** ZINCRBY key increment member. */
    public static final KeyNumberValueCommand ZINCRBY = new KeyNumberValueCommand("ZINCRBY");
    /** ZREVRANGE key start stop: a cache lookup (top N). */
    public static final KeyRangeCommand ZREVRANGE = new KeyRangeCommand("ZREVRANGE");

    private RedisCommands() {
    }
}
