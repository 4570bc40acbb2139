package io.loadbench.datastores.containers;

import io.loadbench.datastores.DatastoreException;
import io.loadbench.datastores.PostgresEndpoint;
import io.loadbench.datastores.RedisEndpoint;
import io.loadbench.datastores.embedded.EmbeddedPolicy;
import io.loadbench.datastores.embedded.ServerPassword;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL and Redis in Testcontainers for {@code --target containers}: the images of {@code docker-compose.yml}
 * (same major versions as the embedded servers) with the {@link EmbeddedPolicy} settings, so the three targets
 * differ only where they must. Like the embedded servers, each container requires a password chosen at random for
 * it ({@link ServerPassword}): PostgreSQL's through {@code POSTGRES_PASSWORD} (its image checks it with scram), Redis'
 * as {@code requirepass} in a configuration file copied into the container, so it is on no command line.
 */
final class ContainerServers {

    /** Kept equal to docker-compose.yml (a test checks it). */
    static final String POSTGRES_IMAGE = "postgres:18";
    /** Kept equal to docker-compose.yml (a test checks it). */
    static final String REDIS_IMAGE = "redis:6.2";

    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

    /** The configuration file of the Redis container, holding its password. */
    private static final String REDIS_CONFIG_FILE = "/usr/local/etc/redis/loadbench.conf";

    private ContainerServers() {
    }

    /** A started container and the password its server requires. */
    record Started(GenericContainer<?> container, String password) {
    }

    /** Fails with one line when no Docker engine can be found, before Testcontainers logs anything. */
    static void requireDocker(Map<String, String> env) {
        String home = System.getProperty("user.home");
        DockerEnvironment.whyNoDocker(env, home == null ? null : Path.of(home)).ifPresent(reason -> {
            throw new DatastoreException("--target containers: " + reason
                    + "; start Docker, or use the embedded target (the default) or --pg-url/--redis-url");
        });
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new DatastoreException("--target containers: Testcontainers cannot reach a Docker engine; "
                    + "start Docker, or use the embedded target (the default) or --pg-url/--redis-url");
        }
    }

    static Started startPostgres() {
        String password = ServerPassword.generate();
        List<String> command = new ArrayList<>(List.of("postgres"));
        for (EmbeddedPolicy.Setting setting : EmbeddedPolicy.postgresSettings()) {
            if (setting.name().equals("listen_addresses")) {
                continue; // inside the container the server must listen on its network interface
            }
            command.add("-c");
            command.add(setting.name() + "=" + setting.value());
        }
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(POSTGRES_IMAGE))
                .withEnv("POSTGRES_PASSWORD", password)
                .withExposedPorts(PostgresEndpoint.DEFAULT_PORT)
                .withCommand(command.toArray(String[]::new))
                .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*\\s", 2)
                        .withStartupTimeout(STARTUP_TIMEOUT));
        container.start();
        return new Started(container, password);
    }

    static PostgresEndpoint postgresEndpoint(Started started) {
        return new PostgresEndpoint(started.container().getHost(),
                started.container().getMappedPort(PostgresEndpoint.DEFAULT_PORT), "postgres", "postgres",
                started.password(), Map.of());
    }

    static Started startRedis() {
        String password = ServerPassword.generate();
        List<String> command = new ArrayList<>(List.of("redis-server", REDIS_CONFIG_FILE));
        for (EmbeddedPolicy.Setting setting : EmbeddedPolicy.redisSettings()) {
            if (setting.name().equals("bind")) {
                continue;
            }
            command.add("--" + setting.name());
            command.add(setting.name().equals("save") ? "" : setting.value());
        }
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(REDIS_IMAGE))
                .withCopyToContainer(Transferable.of("requirepass " + password + "\n", 0600), REDIS_CONFIG_FILE)
                .withExposedPorts(RedisEndpoint.DEFAULT_PORT)
                .withCommand(command.toArray(String[]::new))
                .waitingFor(Wait.forLogMessage(".*Ready to accept connections.*\\s", 1)
                        .withStartupTimeout(STARTUP_TIMEOUT));
        container.start();
        return new Started(container, password);
    }

    static RedisEndpoint redisEndpoint(Started started) {
        return new RedisEndpoint(started.container().getHost(), started.container().getMappedPort(RedisEndpoint.DEFAULT_PORT),
                null, started.password(), 0, false);
    }
}
