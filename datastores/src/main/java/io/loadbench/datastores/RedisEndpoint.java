package io.loadbench.datastores;

import io.loadbench.results.Secrets;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a Redis server is and how to log in. {@link #url()} carries no user info, so it can be printed and
 * written to a manifest; {@link #toString()} masks the password.
 *
 * @param host     host name or address
 * @param port     TCP port
 * @param user     ACL user, or null for the default user
 * @param password password, or null when the server needs none
 * @param database logical database index ({@code SELECT n})
 * @param tls      true for {@code rediss://}
 */
public record RedisEndpoint(String host, int port, String user, String password, int database, boolean tls) {

    /** Redis's well-known port, used when a URL names none. */
    public static final int DEFAULT_PORT = 6379;

    private static final String EXPECTED_FORM = "redis://[user:password@]host:port[/database] or rediss://...";

    public RedisEndpoint {
        Objects.requireNonNull(host, "host");
        if (database < 0) {
            throw new IllegalArgumentException("database must be >= 0: " + database);
        }
    }

    /** A plain endpoint without credentials, as the embedded server and containers use. */
    public static RedisEndpoint of(String host, int port) {
        return new RedisEndpoint(host, port, null, null, 0, false);
    }

    /**
     * Parses {@code redis://[user:password@]host:port[/database]} or {@code rediss://} (TLS). A password without a
     * user ({@code redis://:secret@host}) authenticates the default user.
     *
     * @param optionName the option or variable the URL came from, named in every error
     * @throws InvalidTargetException when the URL is malformed; the message masks the password
     */
    public static RedisEndpoint parse(String url, String optionName) {
        if (url == null || url.isBlank()) {
            throw new InvalidTargetException(optionName + ": empty Redis URL (expected " + EXPECTED_FORM + ")");
        }
        String trimmed = url.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        boolean tls = lower.startsWith("rediss://");
        if (!tls && !lower.startsWith("redis://")) {
            throw new InvalidTargetException(optionName + ": not a Redis URL: '" + Secrets.maskUrl(trimmed)
                    + "' (expected " + EXPECTED_FORM + ")");
        }
        UrlParts parts = UrlParts.parse(trimmed, trimmed, optionName, EXPECTED_FORM);
        int database = 0;
        if (parts.path != null && !parts.path.isEmpty()) {
            try {
                database = Integer.parseInt(parts.path);
            } catch (NumberFormatException e) {
                database = -1;
            }
            if (database < 0) {
                String shown = Secrets.maskUrl(trimmed);
                throw UrlParts.invalid(optionName, shown,
                        "database '" + Secrets.shownPart(parts.path, shown) + "' is not a non-negative number", EXPECTED_FORM);
            }
        }
        if (!parts.query.isEmpty()) {
            throw UrlParts.invalid(optionName, Secrets.maskUrl(trimmed), "query parameters are not supported", EXPECTED_FORM);
        }
        String password = parts.password == null || parts.password.isEmpty() ? null : parts.password;
        return new RedisEndpoint(parts.host, parts.port == null ? DEFAULT_PORT : parts.port, parts.user, password,
                database, tls);
    }

    /** {@code host:port}, the way error messages name this server. */
    public String hostAndPort() {
        return host + ":" + port;
    }

    /** The URL without user info, e.g. {@code redis://127.0.0.1:6379} or {@code rediss://cache:6380/2}. */
    public String url() {
        return (tls ? "rediss://" : "redis://") + hostAndPort() + (database == 0 ? "" : "/" + database);
    }

    /**
     * The URL with its user info ({@code redis://user:password@host:port/db}, both URL-encoded), for handing a server
     * to another process. It carries the password: never print or save it.
     */
    public String urlWithCredentials() {
        if (user == null && password == null) {
            return url();
        }
        String userInfo = (user == null ? "" : URLEncoder.encode(user, StandardCharsets.UTF_8))
                + (password == null ? "" : ":" + URLEncoder.encode(password, StandardCharsets.UTF_8)) + "@";
        return (tls ? "rediss://" : "redis://") + userInfo + hostAndPort() + (database == 0 ? "" : "/" + database);
    }

    @Override
    public String toString() {
        if (user == null && password == null) {
            return url();
        }
        String userInfo = (user == null ? "" : user) + (password == null ? "" : ":" + Secrets.MASK) + "@";
        return (tls ? "rediss://" : "redis://") + userInfo + hostAndPort() + (database == 0 ? "" : "/" + database);
    }
}
