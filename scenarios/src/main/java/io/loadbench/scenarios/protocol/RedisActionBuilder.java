package io.loadbench.scenarios.protocol;

import io.gatling.javaapi.core.ActionBuilder;
import io.loadbench.scenarios.gatling.Calls;
import io.loadbench.scenarios.gatling.DatastoreActionBuilder;
import io.loadbench.scenarios.gatling.SessionValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Redis command and its checks; its arguments were compiled by {@link Datastore.Redis} from EL strings, functions
 * of the session, or constants.
 * The reply is decoded: bulk strings as {@code String}, integers as {@code Long}, arrays as {@code List},
 * nil as null. Immutable.
 */
public final class RedisActionBuilder implements ActionBuilder {

    private final SessionValue<String> requestName;
    private final String command;
    private final List<SessionValue<?>> args;
    private final boolean cacheLookup;
    private final List<DatastoreCheck<Object>> checks;

    RedisActionBuilder(SessionValue<String> requestName, String command, List<SessionValue<?>> args, boolean cacheLookup) {
        this(requestName, command, args, cacheLookup, List.of());
    }

    private RedisActionBuilder(SessionValue<String> requestName, String command, List<SessionValue<?>> args, boolean cacheLookup,
                               List<DatastoreCheck<Object>> checks) {
        this.requestName = requestName;
        this.command = command;
        this.args = args;
        this.cacheLookup = cacheLookup;
        this.checks = checks;
    }

    /** Adds checks; the first failing one makes the request KO with its message. */
    @SafeVarargs
    public final RedisActionBuilder check(DatastoreCheck<Object>... more) {
        List<DatastoreCheck<Object>> all = new ArrayList<>(checks);
        all.addAll(Arrays.asList(more));
        return new RedisActionBuilder(requestName, command, args, cacheLookup, List.copyOf(all));
    }

    /**
     * Counts this command's successful replies as cache hits (non-empty) or misses (nil or empty) in the run's
     * hit ratio. GET, HGET, HGETALL, LRANGE, SMEMBERS and ZREVRANGE built by {@link Datastore.Redis} are lookups
     * already.
     */
    public RedisActionBuilder countAsCacheLookup() {
        return new RedisActionBuilder(requestName, command, args, true, checks);
    }

    @Override
    public io.gatling.core.action.builder.ActionBuilder asScala() {
        return new DatastoreActionBuilder<>(requestName, Calls.redis(command, args, cacheLookup, checks));
    }
}
