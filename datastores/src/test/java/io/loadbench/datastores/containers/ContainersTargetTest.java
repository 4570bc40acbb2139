package io.loadbench.datastores.containers;

import io.loadbench.datastores.DatastoreException;
import io.loadbench.datastores.Datastores;
import io.loadbench.datastores.TargetSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code --target containers} without a Docker engine: one clear line, before Testcontainers says anything. */
class ContainersTargetTest {

    @TempDir
    Path home;

    @Test
    void withoutDockerOpeningContainersFailsWithOneClearLine() {
        String userHome = System.getProperty("user.home");
        assumeTrue(DockerEnvironment.whyNoDocker(System.getenv(), userHome == null ? null : Path.of(userHome)).isPresent(),
                "a Docker engine seems to exist here");

        assertThatThrownBy(() -> Datastores.open(TargetSpec.containers()))
                .isInstanceOf(DatastoreException.class)
                .hasMessageStartingWith("--target containers: no Docker engine found")
                .hasMessageEndingWith("start Docker, or use the embedded target (the default) or --pg-url/--redis-url");
    }

    @Test
    void theCheapCheckLooksAtTheEnvironmentAndTheTestcontainersConfiguration() throws Exception {
        assertThat(DockerEnvironment.whyNoDocker(Map.of("DOCKER_HOST", "tcp://10.0.0.9:2375"), home)).isEmpty();
        assertThat(DockerEnvironment.whyNoDocker(Map.of("TESTCONTAINERS_HOST_OVERRIDE", "10.0.0.9"), home)).isEmpty();
        assumeTrue(!Files.exists(Path.of("/var/run/docker.sock")) && !Files.exists(Path.of("/run/docker.sock")),
                "this machine has a docker.sock");
        assertThat(DockerEnvironment.whyNoDocker(Map.of(), home)).isPresent();

        Files.writeString(home.resolve(".testcontainers.properties"), "docker.host=tcp://10.0.0.9:2375\n");
        assertThat(DockerEnvironment.whyNoDocker(Map.of(), home)).isEmpty();
    }
}
