package io.loadbench.scenarios.protocol;

import java.util.List;
import java.util.Locale;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.util.SafeEncoder;

/**
 * A Redis command with its arguments resolved for one virtual user.
 *
 * @param name        the command, e.g. {@code GET} or {@code CLIENT}
 * @param args        its arguments (strings, numbers)
 * @param cacheLookup whether the reply counts as a cache hit (non-empty) or miss (nil or empty)
 */
public record RedisCommand(String name, List<Object> args, boolean cacheLookup) {

    ProtocolCommand protocolCommand() {
        byte[] raw = SafeEncoder.encode(name.toUpperCase(Locale.ROOT));
        return () -> raw;
    }

    /** Whether a reply of this command is a hit: anything but nil or an empty collection. */
    public static boolean isHit(Object reply) {
        if (reply == null) {
            return false;
        }
        if (reply instanceof java.util.Collection<?> collection) {
            return !collection.isEmpty();
        }
        if (reply instanceof java.util.Map<?, ?> map) {
            return !map.isEmpty();
        }
        return true;
    }
}
