package io.loadbench.datastores;

import java.util.Locale;
import java.util.Map;

/**
 * Which servers a command talks to, resolved once from its options and environment:
 * <ol>
 *   <li>explicit URLs ({@code --pg-url} / {@code --redis-url}, else {@value #PG_URL_ENV} /
 *       {@value #REDIS_URL_ENV}) → {@link TargetKind#EXTERNAL};</li>
 *   <li>otherwise {@link TargetKind#EMBEDDED}, the default;</li>
 *   <li>{@code --target containers} → {@link TargetKind#CONTAINERS}.</li>
 * </ol>
 * An explicit {@code --target embedded|containers} ignores the environment variables (they are ambient), but
 * contradicts a URL given as an option. For an external target only the stores named by a URL exist: a command
 * given only {@code --pg-url} can use PostgreSQL, and asking it for Redis fails with a message that says so.
 *
 * @param kind     where the servers come from
 * @param postgres the external PostgreSQL, or null (embedded, containers, or not named)
 * @param redis    the external Redis, or null (embedded, containers, or not named)
 */
public record TargetSpec(TargetKind kind, PostgresEndpoint postgres, RedisEndpoint redis) {

    /** Environment variable naming an external PostgreSQL (same forms as {@code --pg-url}). */
    public static final String PG_URL_ENV = "LOADBENCH_PG_URL";
    /** Environment variable naming an external Redis (same forms as {@code --redis-url}). */
    public static final String REDIS_URL_ENV = "LOADBENCH_REDIS_URL";

    public TargetSpec {
        if (kind == null) {
            throw new IllegalArgumentException("kind");
        }
        if (kind == TargetKind.EXTERNAL && postgres == null && redis == null) {
            throw new IllegalArgumentException("an external target needs a PostgreSQL or a Redis URL");
        }
        if (kind != TargetKind.EXTERNAL && (postgres != null || redis != null)) {
            throw new IllegalArgumentException(kind + " target takes no URLs");
        }
    }

    /** The default: embedded PostgreSQL and Redis. */
    public static TargetSpec embedded() {
        return new TargetSpec(TargetKind.EMBEDDED, null, null);
    }

    /** PostgreSQL and Redis in Testcontainers. */
    public static TargetSpec containers() {
        return new TargetSpec(TargetKind.CONTAINERS, null, null);
    }

    /** Servers of one's own; either may be null when the command needs only the other. */
    public static TargetSpec external(PostgresEndpoint postgres, RedisEndpoint redis) {
        return new TargetSpec(TargetKind.EXTERNAL, postgres, redis);
    }

    /**
     * Resolves the target of a command.
     *
     * @param targetOption   {@code --target} value ({@code embedded}, {@code external}, {@code containers}) or null
     * @param pgUrlOption    {@code --pg-url} value or null
     * @param redisUrlOption {@code --redis-url} value or null
     * @param env            the process environment (pass {@code System.getenv()}; tests pass a map)
     * @throws InvalidTargetException for an unknown target, a malformed URL or contradicting options
     */
    public static TargetSpec resolve(String targetOption, String pgUrlOption, String redisUrlOption,
                                     Map<String, String> env) {
        Map<String, String> environment = env == null ? Map.of() : env;
        String pgOption = blankToNull(pgUrlOption);
        String redisOption = blankToNull(redisUrlOption);
        TargetKind requested = parseKind(blankToNull(targetOption));

        if (requested == TargetKind.EMBEDDED || requested == TargetKind.CONTAINERS) {
            if (pgOption != null || redisOption != null) {
                throw new InvalidTargetException("--target " + requested.name().toLowerCase(Locale.ROOT)
                        + " contradicts " + (pgOption != null ? "--pg-url" : "--redis-url")
                        + ": URLs name external servers (drop --target, or use --target external)");
            }
            return requested == TargetKind.EMBEDDED ? embedded() : containers();
        }

        PostgresEndpoint postgres = null;
        if (pgOption != null) {
            postgres = PostgresEndpoint.parse(pgOption, "--pg-url");
        } else if (blankToNull(environment.get(PG_URL_ENV)) != null) {
            postgres = PostgresEndpoint.parse(environment.get(PG_URL_ENV), PG_URL_ENV);
        }
        RedisEndpoint redis = null;
        if (redisOption != null) {
            redis = RedisEndpoint.parse(redisOption, "--redis-url");
        } else if (blankToNull(environment.get(REDIS_URL_ENV)) != null) {
            redis = RedisEndpoint.parse(environment.get(REDIS_URL_ENV), REDIS_URL_ENV);
        }
        if (postgres != null || redis != null) {
            return external(postgres, redis);
        }
        if (requested == TargetKind.EXTERNAL) {
            throw new InvalidTargetException("--target external needs --pg-url and/or --redis-url (or "
                    + PG_URL_ENV + " / " + REDIS_URL_ENV + ")");
        }
        return embedded();
    }

    private static TargetKind parseKind(String targetOption) {
        if (targetOption == null) {
            return null;
        }
        try {
            return TargetKind.valueOf(targetOption.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidTargetException("--target: unknown target '" + targetOption
                    + "' (expected embedded, external or containers)");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
