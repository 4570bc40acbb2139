package io.loadbench.datastores.containers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cheap look for a Docker engine before Testcontainers is touched (Testcontainers logs a loud ERROR with a stack
 * trace when there is none): {@code DOCKER_HOST}, {@code TESTCONTAINERS_HOST_OVERRIDE},
 * {@code ~/.testcontainers.properties} or a {@code docker.sock} in one of the usual places.
 */
public final class DockerEnvironment {

    private DockerEnvironment() {
    }

    /**
     * @param env  the process environment
     * @param home the user's home directory
     * @return empty if something suggests a Docker engine, else why not (one line)
     */
    public static Optional<String> whyNoDocker(Map<String, String> env, Path home) {
        if (notBlank(env.get("DOCKER_HOST")) || notBlank(env.get("TESTCONTAINERS_HOST_OVERRIDE"))) {
            return Optional.empty();
        }
        if (home != null && Files.isRegularFile(home.resolve(".testcontainers.properties"))) {
            return Optional.empty();
        }
        List<Path> sockets = socketCandidates(env, home);
        for (Path socket : sockets) {
            if (Files.exists(socket)) {
                return Optional.empty();
            }
        }
        return Optional.of("no Docker engine found (DOCKER_HOST unset, no docker.sock in /var/run or ~/.docker/run)");
    }

    private static List<Path> socketCandidates(Map<String, String> env, Path home) {
        String runtimeDir = env.get("XDG_RUNTIME_DIR");
        return java.util.stream.Stream.of(
                        Path.of("/var/run/docker.sock"),
                        Path.of("/run/docker.sock"),
                        home == null ? null : home.resolve(".docker/run/docker.sock"),
                        home == null ? null : home.resolve(".docker/desktop/docker.sock"),
                        home == null ? null : home.resolve(".colima/default/docker.sock"),
                        home == null ? null : home.resolve(".rd/docker.sock"),
                        runtimeDir == null ? null : Path.of(runtimeDir, "docker.sock"),
                        runtimeDir == null ? null : Path.of(runtimeDir, "podman/podman.sock"))
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
