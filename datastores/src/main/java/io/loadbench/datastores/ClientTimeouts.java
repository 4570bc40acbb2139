package io.loadbench.datastores;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The bounds that keep a loadbench client from waiting forever on a server that is down, frozen or not what it
 * claims to be: the one place their defaults live. Three can be changed by system property (a slow server or a
 * huge batch may need more); every value is recorded in each manifest under {@code target.clientTimeouts}
 * ({@link #describe(Properties)}), so a run says how long it was willing to wait.
 *
 * <table>
 *   <caption>bounds</caption>
 *   <tr><th>bound</th><th>default</th><th>what it stops</th></tr>
 *   <tr><td>PostgreSQL connect / login</td><td>10 s / 10 s</td><td>a host that drops SYNs; a server that accepts
 *       and never answers the startup (pgjdbc {@code connectTimeout}, {@code loginTimeout})</td></tr>
 *   <tr><td>{@value #COPY_STALL_TIMEOUT_PROPERTY}</td><td>60 s</td><td>a COPY batch that makes no progress (no
 *       chunk written, no reply) for that long: its connection is aborted and the load fails</td></tr>
 *   <tr><td>Redis connect / Jedis socket</td><td>5 s / 60 s</td><td>Jedis clients of the scenarios</td></tr>
 *   <tr><td>{@value #REDIS_REPLY_TIMEOUT_PROPERTY}</td><td>60 s</td><td>a pipelined fill with commands outstanding
 *       and no reply (or a send blocked) for that long</td></tr>
 *   <tr><td>Redis handshake</td><td>5 s</td><td>a server that accepts and never answers AUTH, HELLO or the first PING
 *       (the connect bound, before the socket bound applies)</td></tr>
 *   <tr><td>{@value #UNRESPONSIVE_TIMEOUT_PROPERTY}</td><td>10 s</td><td>a PostgreSQL that does not answer the
 *       liveness probe's {@code SELECT 1} (sent every 5 s while plain connections are open) for that long: its plain
 *       connections are aborted, whatever statement they wait on</td></tr>
 *   <tr><td>short statements</td><td>10 s</td><td>loadbench's own bookkeeping round trips on a server that froze
 *       after the login: describing a target, releasing a dataset's lock</td></tr>
 * </table>
 */
public final class ClientTimeouts {

    /** System property: seconds a COPY batch may go without progress before its connection is aborted. */
    public static final String COPY_STALL_TIMEOUT_PROPERTY = "loadbench.pg.copyStallTimeoutSeconds";
    /** System property: seconds the PostgreSQL liveness probe waits for a reply before the server counts as frozen. */
    public static final String UNRESPONSIVE_TIMEOUT_PROPERTY = "loadbench.pg.unresponsiveTimeoutSeconds";
    /** System property: seconds a Redis pipeline may wait for a reply while commands are outstanding. */
    public static final String REDIS_REPLY_TIMEOUT_PROPERTY = "loadbench.redis.replyTimeoutSeconds";

    public static final Duration POSTGRES_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration POSTGRES_LOGIN_TIMEOUT = Duration.ofSeconds(10);
    /** 60 s: a healthy server acknowledges a 256 KB COPY chunk in milliseconds, even a loaded one within seconds. */
    public static final Duration DEFAULT_COPY_STALL_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration REDIS_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Generous: a pipeline of a whole batch can take seconds on a loaded machine. */
    public static final Duration REDIS_SOCKET_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_REDIS_REPLY_TIMEOUT = Duration.ofSeconds(60);
    /**
     * 10 s: loadbench's own short round trips (the target's description, a lock's release) answer in milliseconds;
     * one that has not answered in 10 s is a frozen server, and the command ends instead of waiting on it.
     */
    public static final Duration SHORT_STATEMENT_TIMEOUT = Duration.ofSeconds(10);
    /** 10 s: a live server answers {@code SELECT 1} in milliseconds, even while it builds an index. */
    public static final Duration DEFAULT_UNRESPONSIVE_TIMEOUT = Duration.ofSeconds(10);
    /** The liveness probe's period, at most: shorter when the reply bound is shorter (half of it, at least 1 s). */
    public static final Duration MAX_LIVENESS_PERIOD = Duration.ofSeconds(5);

    private ClientTimeouts() {
    }

    /** The COPY stall bound from {@code properties} (normally {@link System#getProperties()}). */
    public static Duration copyStallTimeout(Properties properties) {
        return seconds(properties, COPY_STALL_TIMEOUT_PROPERTY, DEFAULT_COPY_STALL_TIMEOUT);
    }

    /** The Redis pipeline reply bound from {@code properties} (normally {@link System#getProperties()}). */
    public static Duration redisReplyTimeout(Properties properties) {
        return seconds(properties, REDIS_REPLY_TIMEOUT_PROPERTY, DEFAULT_REDIS_REPLY_TIMEOUT);
    }

    /** The liveness probe's reply bound from {@code properties} (normally {@link System#getProperties()}). */
    public static Duration unresponsiveTimeout(Properties properties) {
        return seconds(properties, UNRESPONSIVE_TIMEOUT_PROPERTY, DEFAULT_UNRESPONSIVE_TIMEOUT);
    }

    /** How often the liveness probe asks {@code SELECT 1}: half the reply bound, between 1 s and 5 s. */
    public static Duration livenessPeriod(Properties properties) {
        Duration half = unresponsiveTimeout(properties).dividedBy(2);
        return half.compareTo(MAX_LIVENESS_PERIOD) > 0 ? MAX_LIVENESS_PERIOD
                : half.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : half;
    }

    /**
     * Makes every reply on {@code connection} wait at most {@link #SHORT_STATEMENT_TIMEOUT} (pgjdbc's socket timeout,
     * set without an executor of its own): for a connection that runs only loadbench's own short round trips.
     */
    public static void forShortStatements(Connection connection) throws SQLException {
        connection.setNetworkTimeout(Runnable::run, (int) SHORT_STATEMENT_TIMEOUT.toMillis());
    }

    /** Every bound in milliseconds, as the manifest records it. */
    public static Map<String, Object> describe(Properties properties) {
        Map<String, Object> bounds = new LinkedHashMap<>();
        bounds.put("postgresConnectTimeoutMs", POSTGRES_CONNECT_TIMEOUT.toMillis());
        bounds.put("postgresLoginTimeoutMs", POSTGRES_LOGIN_TIMEOUT.toMillis());
        bounds.put("postgresCopyStallTimeoutMs", copyStallTimeout(properties).toMillis());
        bounds.put("redisConnectTimeoutMs", REDIS_CONNECT_TIMEOUT.toMillis());
        bounds.put("redisSocketTimeoutMs", REDIS_SOCKET_TIMEOUT.toMillis());
        bounds.put("redisPipelineReplyTimeoutMs", redisReplyTimeout(properties).toMillis());
        bounds.put("shortStatementTimeoutMs", SHORT_STATEMENT_TIMEOUT.toMillis());
        bounds.put("postgresUnresponsiveTimeoutMs", unresponsiveTimeout(properties).toMillis());
        bounds.put("postgresLivenessProbePeriodMs", livenessPeriod(properties).toMillis());
        return bounds;
    }

    /** A positive whole number of seconds; anything else is refused naming the property (never repaired). */
    private static Duration seconds(Properties properties, String name, Duration fallback) {
        String value = properties.getProperty(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            if (seconds > 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidTargetException("-D" + name + ": '" + value + "' is not a positive number of seconds");
    }
}
