/**
 * The containers target ({@code --target containers}): PostgreSQL and Redis in a local Docker engine through
 * Testcontainers, the images of {@code docker-compose.yml} with the embedded servers' policy.
 *
 * <p>{@link io.loadbench.datastores.containers.DockerEnvironment} looks for an engine cheaply before Testcontainers
 * is touched, because Testcontainers without one logs a loud ERROR with a stack trace; a missing engine is then one
 * line telling the user what to do instead.
 */
package io.loadbench.datastores.containers;
