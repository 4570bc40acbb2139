package io.loadbench.datastores.containers;

import io.loadbench.datastores.embedded.EmbeddedPolicy;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose.yml runs the same images as --target containers and the same policy as the embedded servers. */
class DockerComposeTest {

    private static String compose() throws IOException {
        Path file = Path.of("..", "docker-compose.yml");
        assertThat(file).as("docker-compose.yml at the repository root").isRegularFile();
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void usesTheImagesOfTheContainersTarget() throws IOException {
        String compose = compose();

        assertThat(compose).contains("image: " + ContainerServers.POSTGRES_IMAGE + "\n")
                .contains("image: " + ContainerServers.REDIS_IMAGE + "\n");
    }

    @Test
    void appliesTheEmbeddedPolicy() throws IOException {
        String compose = compose();

        for (EmbeddedPolicy.Setting setting : EmbeddedPolicy.postgresSettings()) {
            if (!setting.name().equals("listen_addresses")) {
                assertThat(compose).contains("- " + setting.name() + "=" + setting.value());
            }
        }
        for (EmbeddedPolicy.Setting setting : EmbeddedPolicy.redisSettings()) {
            if (!setting.name().equals("bind")) {
                assertThat(compose).contains("- --" + setting.name() + "\n");
            }
        }
        assertThat(compose).contains("\"127.0.0.1:5433:5432\"").contains("\"127.0.0.1:6380:6379\"");
    }
}
