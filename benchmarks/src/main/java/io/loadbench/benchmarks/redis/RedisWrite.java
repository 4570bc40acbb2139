package io.loadbench.benchmarks.redis;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.PipeliningBase;
import redis.clients.jedis.Response;

/**
 * One Redis data-type variant: the write command a loader uses to fill that type.
 *
 * <p>Each variant writes into a bounded key space (and, for hashes, sets and sorted sets, a bounded set of
 * fields or members) so memory stays bounded however long an iteration runs; lists grow within an
 * iteration and are deleted with every other key between iterations.
 */
public enum RedisWrite {
    /** {@code SET key value}: a cache entry. */
    STRING {
        @Override
        Response<?> pipelined(PipeliningBase pipeline, byte[] key, byte[] member, byte[] value, double score) {
            return pipeline.set(key, value);
        }

        @Override
        Object roundTrip(Jedis jedis, byte[] key, byte[] member, byte[] value, double score) {
            return jedis.set(key, value);
        }
    },
    /** {@code HSET key field value}: an object stored field by field. */
    HASH {
        @Override
        Response<?> pipelined(PipeliningBase pipeline, byte[] key, byte[] member, byte[] value, double score) {
            return pipeline.hset(key, member, value);
        }

        @Override
        Object roundTrip(Jedis jedis, byte[] key, byte[] member, byte[] value, double score) {
            return jedis.hset(key, member, value);
        }
    },
    /** {@code RPUSH key value}: a queue or a recent-activity list. */
    LIST {
        @Override
        Response<?> pipelined(PipeliningBase pipeline, byte[] key, byte[] member, byte[] value, double score) {
            return pipeline.rpush(key, value);
        }

        @Override
        Object roundTrip(Jedis jedis, byte[] key, byte[] member, byte[] value, double score) {
            return jedis.rpush(key, value);
        }
    },
    /** {@code SADD key member}: unique members (tags, online users). */
    SET {
        @Override
        Response<?> pipelined(PipeliningBase pipeline, byte[] key, byte[] member, byte[] value, double score) {
            return pipeline.sadd(key, member);
        }

        @Override
        Object roundTrip(Jedis jedis, byte[] key, byte[] member, byte[] value, double score) {
            return jedis.sadd(key, member);
        }
    },
    /** {@code ZADD key score member}: a leaderboard or a time index. */
    SORTED_SET {
        @Override
        Response<?> pipelined(PipeliningBase pipeline, byte[] key, byte[] member, byte[] value, double score) {
            return pipeline.zadd(key, score, member);
        }

        @Override
        Object roundTrip(Jedis jedis, byte[] key, byte[] member, byte[] value, double score) {
            return jedis.zadd(key, score, member);
        }
    };

    /** Queues the command on a pipeline; the reply arrives at the pipeline's sync. */
    abstract Response<?> pipelined(PipeliningBase pipeline, byte[] key, byte[] member, byte[] value, double score);

    /** Sends the command and waits for its reply. */
    abstract Object roundTrip(Jedis jedis, byte[] key, byte[] member, byte[] value, double score);
}
