package io.loadbench.scenarios.protocol;

import java.util.List;
import java.util.Locale;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.util.SafeEncoder;

/**
 * A Redis command with its arguments resolved for one virtual user.
 *
 * @param name            the command, e.g. {@code GET} or {@code CLIENT}
 * @param args            its arguments (strings, numbers)
 * @param cacheLookup     whether the reply counts as a cache hit (non-empty) or miss (nil or empty)
 * @param protocolCommand {@code name} encoded for the wire, once per request definition
 *                        ({@link #protocolCommand(String)}) rather than once per request
 */
public record RedisCommand(String name, List<Object> args, boolean cacheLookup, ProtocolCommand protocolCommand) {

    /** A command whose name is encoded here; the DSL's requests encode theirs once, when they are built. */
    public RedisCommand(String name, List<Object> args, boolean cacheLookup) {
        this(name, args, cacheLookup, protocolCommand(name));
    }

    /** The wire form of a command name (upper-cased: Redis accepts either, and the logs then read the same). */
    public static ProtocolCommand protocolCommand(String name) {
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
