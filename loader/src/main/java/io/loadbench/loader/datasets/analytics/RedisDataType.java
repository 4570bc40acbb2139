package io.loadbench.loader.datasets.analytics;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The Redis data type the analytics cache entries are stored as ({@code --redis-type}): the six variants
 * of the analytics seed. Counters are plain integer strings in every variant, because live events
 * {@code INCR} them.
 */
public enum RedisDataType {
    /** {@code SET key <json> EX ttl}; read with {@code GET}. The seed's default. */
    STRING("string"),
    /** {@code JSON.SET key $ <json>} + {@code EXPIRE}; read with {@code JSON.GET}. Needs the RedisJSON module. */
    JSON("json"),
    /** {@code HSET key field value ...} + {@code EXPIRE}; read with {@code HGETALL} / {@code HGET}. */
    HASH("hash"),
    /** {@code DEL}, {@code RPUSH key item ...} + {@code EXPIRE}; read with {@code LRANGE key 0 -1}. */
    LIST("list"),
    /** {@code SADD key member ...} + {@code EXPIRE}; read with {@code SMEMBERS}. */
    SET("set"),
    /** {@code ZADD key score member ...} + {@code EXPIRE}; read with {@code ZRANGE key 0 -1 WITHSCORES}. */
    SORTED_SET("sorted-set");

    private final String optionValue;

    RedisDataType(String optionValue) {
        this.optionValue = optionValue;
    }

    /** The value {@code --redis-type} takes. */
    public String optionValue() {
        return optionValue;
    }

    /** Parses an option value ({@code zset} is accepted for {@code sorted-set}); null when unknown. */
    public static RedisDataType parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("zset") || v.equals("sorted_set") || v.equals("sortedset")) {
            return SORTED_SET;
        }
        for (RedisDataType type : values()) {
            if (type.optionValue.equals(v)) {
                return type;
            }
        }
        return null;
    }

    /** The accepted values, for error messages and help. */
    public static String choices() {
        return Arrays.stream(values()).map(RedisDataType::optionValue).collect(Collectors.joining(", "));
    }
}
