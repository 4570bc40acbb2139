package io.loadbench.datastores.containers;

import io.loadbench.datastores.LazyServersTarget;
import io.loadbench.datastores.PostgresEndpoint;
import io.loadbench.datastores.RedisEndpoint;
import io.loadbench.datastores.TargetKind;

import java.util.Map;

/**
 * {@code --target containers}: PostgreSQL and Redis in Testcontainers ({@link ContainerServers}), each started on
 * first use; closing stops and removes the containers.
 */
public final class ContainerTarget extends LazyServersTarget {

    private ContainerTarget() {
    }

    /**
     * Checks for a Docker engine now, so that a missing one fails before any work; no container starts yet.
     *
     * @param env the process environment ({@code DOCKER_HOST}, ...)
     * @throws io.loadbench.datastores.DatastoreException with one line when there is no Docker engine
     */
    public static ContainerTarget open(Map<String, String> env) {
        ContainerServers.requireDocker(env);
        return new ContainerTarget();
    }

    @Override
    public TargetKind kind() {
        return TargetKind.CONTAINERS;
    }

    @Override
    protected Started<PostgresEndpoint> startPostgres() {
        ContainerServers.Started started = ContainerServers.startPostgres();
        return new Started<>(ContainerServers.postgresEndpoint(started), started.container()::stop);
    }

    @Override
    protected Started<RedisEndpoint> startRedis() {
        ContainerServers.Started started = ContainerServers.startRedis();
        return new Started<>(ContainerServers.redisEndpoint(started), started.container()::stop);
    }
}
