package io.loadbench.datastores;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetSpecTest {

    private static final Map<String, String> NO_ENV = Map.of();
    private static final Map<String, String> ENV = Map.of(
            TargetSpec.PG_URL_ENV, "jdbc:postgresql://envhost:5432/test?user=postgres",
            TargetSpec.REDIS_URL_ENV, "redis://envhost:6379");

    @Test
    void embeddedIsTheDefault() {
        assertThat(TargetSpec.resolve(null, null, null, NO_ENV)).isEqualTo(TargetSpec.embedded());
        assertThat(TargetSpec.resolve("", " ", null, NO_ENV).kind()).isEqualTo(TargetKind.EMBEDDED);
    }

    @Test
    void explicitUrlsWinAndOptionsBeatTheEnvironment() {
        TargetSpec fromEnv = TargetSpec.resolve(null, null, null, ENV);
        assertThat(fromEnv.kind()).isEqualTo(TargetKind.EXTERNAL);
        assertThat(fromEnv.postgres().host()).isEqualTo("envhost");
        assertThat(fromEnv.redis().host()).isEqualTo("envhost");

        TargetSpec fromOption = TargetSpec.resolve(null, "postgresql://u@opthost/db", null, ENV);
        assertThat(fromOption.postgres().host()).isEqualTo("opthost");
        assertThat(fromOption.redis().host()).isEqualTo("envhost");
    }

    @Test
    void anExternalTargetHasOnlyTheStoresItNames() {
        TargetSpec spec = TargetSpec.resolve("external", "jdbc:postgresql://db/x", null, NO_ENV);

        assertThat(spec.kind()).isEqualTo(TargetKind.EXTERNAL);
        assertThat(spec.redis()).isNull();
        try (Datastores datastores = Datastores.open(spec)) {
            assertThatThrownBy(datastores::redis)
                    .isInstanceOf(DatastoreException.class)
                    .hasMessage("no Redis was named: pass --redis-url or set LOADBENCH_REDIS_URL"
                            + " (or pass neither URL to use the embedded servers)");
        }
    }

    @Test
    void anExplicitTargetIgnoresTheEnvironmentButNotContradictingOptions() {
        assertThat(TargetSpec.resolve("embedded", null, null, ENV)).isEqualTo(TargetSpec.embedded());
        assertThat(TargetSpec.resolve("CONTAINERS", null, null, ENV)).isEqualTo(TargetSpec.containers());
        assertThatThrownBy(() -> TargetSpec.resolve("embedded", "jdbc:postgresql://db/x", null, NO_ENV))
                .isInstanceOf(InvalidTargetException.class)
                .hasMessageStartingWith("--target embedded contradicts --pg-url");
    }

    @Test
    void rejectsAnUnknownTargetAndAnExternalTargetWithoutUrls() {
        assertThatThrownBy(() -> TargetSpec.resolve("docker", null, null, NO_ENV))
                .isInstanceOf(InvalidTargetException.class)
                .hasMessage("--target: unknown target 'docker' (expected embedded, external or containers)");
        assertThatThrownBy(() -> TargetSpec.resolve("external", null, null, NO_ENV))
                .hasMessageStartingWith("--target external needs --pg-url and/or --redis-url");
    }

    @Test
    void aMalformedEnvironmentUrlNamesTheVariable() {
        assertThatThrownBy(() -> TargetSpec.resolve(null, null, null, Map.of(TargetSpec.REDIS_URL_ENV, "localhost:6379")))
                .isInstanceOf(InvalidTargetException.class)
                .hasMessageStartingWith("LOADBENCH_REDIS_URL: not a Redis URL");
    }

    @Test
    void aClosedDatastoresRefusesFurtherUse() {
        Datastores datastores = Datastores.open(TargetSpec.resolve(null, null, "redis://127.0.0.1:1", NO_ENV));
        datastores.close();

        assertThatThrownBy(datastores::redis).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void datastoresDescribeThemselvesInOneMaskedLine() {
        TargetSpec spec = TargetSpec.resolve(null, "postgresql://bench:hunter2@db:5432/x", "redis://:hunter2@cache:6379", NO_ENV);
        try (Datastores datastores = Datastores.open(spec)) {
            assertThat(datastores).hasToString(
                    "EXTERNAL postgres=jdbc:postgresql://db:5432/x user=bench password=**** redis=redis://:****@cache:6379");
        }
    }
}
