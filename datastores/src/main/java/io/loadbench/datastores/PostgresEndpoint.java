package io.loadbench.datastores;

import io.loadbench.results.Secrets;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a PostgreSQL server is and how to log in. {@link #jdbcUrl()} never carries the user or password (they
 * travel as connection properties), so it can be printed and written to a manifest; {@link #toString()} masks
 * the password.
 *
 * @param host          host name or address ({@code [::1]} form for IPv6)
 * @param port          TCP port
 * @param database      database name
 * @param user          role to log in as; null lets the driver use its default
 * @param password      password, or null for trust/peer/certificate authentication
 * @param driverOptions further pgjdbc connection properties from the URL (e.g. {@code sslmode}), sorted
 */
public record PostgresEndpoint(String host, int port, String database, String user, String password,
                               Map<String, String> driverOptions) {

    /** PostgreSQL's well-known port, used when a URL names none. */
    public static final int DEFAULT_PORT = 5432;

    private static final String EXPECTED_FORM =
            "jdbc:postgresql://host:port/database?user=...&password=... or postgresql://user:password@host:port/database";

    public PostgresEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        driverOptions = Collections.unmodifiableMap(new TreeMap<>(driverOptions == null ? Map.of() : driverOptions));
    }

    /**
     * Parses a pgjdbc URL ({@code jdbc:postgresql://host:port/db?user=..&password=..}) or a libpq URI
     * ({@code postgresql://user:password@host:port/db?sslmode=..}, also {@code postgres://}).
     *
     * @param optionName the option or variable the URL came from, named in every error
     * @throws InvalidTargetException when the URL is malformed; the message masks the password
     */
    public static PostgresEndpoint parse(String url, String optionName) {
        if (url == null || url.isBlank()) {
            throw new InvalidTargetException(optionName + ": empty PostgreSQL URL (expected " + EXPECTED_FORM + ")");
        }
        String trimmed = url.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        boolean jdbc = lower.startsWith("jdbc:postgresql://");
        boolean libpq = lower.startsWith("postgresql://") || lower.startsWith("postgres://");
        if (!jdbc && !libpq) {
            throw new InvalidTargetException(optionName + ": not a PostgreSQL URL: '" + Secrets.maskUrl(trimmed)
                    + "' (expected " + EXPECTED_FORM + ")");
        }
        UrlParts parts = UrlParts.parse(jdbc ? trimmed.substring("jdbc:".length()) : trimmed, trimmed, optionName,
                EXPECTED_FORM);
        Map<String, String> options = new TreeMap<>(parts.query);
        String user = firstNonNull(options.remove("user"), parts.user);
        String password = firstNonNull(options.remove("password"), parts.password);
        String database = parts.path == null || parts.path.isEmpty() ? null : parts.path;
        if (database == null) {
            database = firstNonNull(options.remove("dbname"), user == null ? "postgres" : user);
        } else if (database.contains("/")) {
            throw UrlParts.invalid(optionName, Secrets.maskUrl(trimmed), "database name contains '/'", EXPECTED_FORM);
        }
        int port = parts.port == null ? DEFAULT_PORT : parts.port;
        return new PostgresEndpoint(parts.host, port, database, user, password, options);
    }

    /** {@code host:port}, the way error messages name this server. */
    public String hostAndPort() {
        return host + ":" + port;
    }

    /** The pgjdbc URL without user or password, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres}. */
    public String jdbcUrl() {
        StringBuilder url = new StringBuilder("jdbc:postgresql://").append(hostAndPort()).append('/').append(database);
        char separator = '?';
        for (Map.Entry<String, String> option : driverOptions.entrySet()) {
            if (Secrets.isSecretName(option.getKey())) {
                continue;
            }
            url.append(separator).append(option.getKey()).append('=').append(option.getValue());
            separator = '&';
        }
        return url.toString();
    }

    /**
     * The pgjdbc URL with {@code user} and {@code password} as query parameters (URL-encoded), for handing a server to
     * another process (a JMH fork, a child JVM in a test). It carries the password: never print or save it.
     */
    public String jdbcUrlWithCredentials() {
        StringBuilder url = new StringBuilder(jdbcUrl());
        char separator = url.indexOf("?") < 0 ? '?' : '&';
        if (user != null) {
            url.append(separator).append("user=").append(URLEncoder.encode(user, StandardCharsets.UTF_8));
            separator = '&';
        }
        if (password != null) {
            url.append(separator).append("password=").append(URLEncoder.encode(password, StandardCharsets.UTF_8));
        }
        return url.toString();
    }

    @Override
    public String toString() {
        return jdbcUrl() + (user == null ? "" : " user=" + user) + (password == null ? "" : " password=" + Secrets.MASK);
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }
}
