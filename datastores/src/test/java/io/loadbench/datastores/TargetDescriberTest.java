package io.loadbench.datastores;

import io.loadbench.datastores.external.ExternalTarget;
import io.loadbench.datastores.testing.TestDatastores;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The manifest's {@code target} section keeps its keys and their order (golden manifests downstream rely on them). */
class TargetDescriberTest {

    private final Datastores shared = TestDatastores.embedded();

    @Test
    @SuppressWarnings("unchecked")
    void anExternalTargetIsDescribedWithoutThePolicy() {
        Map<String, Object> target = TargetDescriber.describe(new ExternalTarget(shared.postgres(), shared.redis()));

        assertThat(target).containsEntry("kind", "EXTERNAL");
        assertThat(target.keySet()).containsExactly("kind", "postgres", "redis", "clientTimeouts");
        assertThat((Map<String, Object>) target.get("clientTimeouts")).containsEntry("postgresCopyStallTimeoutMs", 60_000L)
                .containsEntry("redisPipelineReplyTimeoutMs", 60_000L).containsEntry("postgresLoginTimeoutMs", 10_000L)
                .containsEntry("shortStatementTimeoutMs", 10_000L).containsEntry("postgresLivenessProbePeriodMs", 5_000L)
                .containsEntry("postgresUnresponsiveTimeoutMs", 10_000L);
        Map<String, Object> postgres = (Map<String, Object>) target.get("postgres");
        assertThat(postgres.keySet()).containsExactly("url", "user", "protected", "version", "serverVersionNum", "settings");
        assertThat(((Map<String, Object>) postgres.get("settings")).keySet())
                .containsExactlyInAnyOrderElementsOf(TargetDescriber.POSTGRES_SETTINGS);
        Map<String, Object> redis = (Map<String, Object>) target.get("redis");
        assertThat(redis.keySet()).containsExactly("url", "protected", "version", "mode", "os", "archBits", "config");
        assertThat(((Map<String, Object>) redis.get("config")).keySet())
                .containsExactlyInAnyOrderElementsOf(TargetDescriber.REDIS_CONFIG);
    }

    @Test
    @SuppressWarnings("unchecked")
    void serversLoadbenchStartedCarryThePolicyAndAStoreNeverUsedIsNull() {
        shared.postgres();
        Map<String, Object> target = TargetDescriber.describe(new PostgresOnlyEmbeddedLike(shared.postgres()));

        assertThat(target.keySet()).containsExactly("kind", "postgres", "redis", "clientTimeouts");
        assertThat(target).containsEntry("kind", "EMBEDDED").containsEntry("redis", null);
        assertThat(((Map<String, Object>) target.get("postgres")).keySet())
                .containsExactly("url", "user", "protected", "version", "serverVersionNum", "settings", "embeddedPolicy");
    }

    @Test
    void infoRepliesAreSplitIntoFieldsWithoutTheirSectionHeaders() {
        assertThat(TargetDescriber.parseInfo("# Server\r\nredis_version:6.2.14\r\nredis_mode:standalone\r\n\r\nos:Linux x\r\n"))
                .containsExactly(Map.entry("os", "Linux x"), Map.entry("redis_mode", "standalone"),
                        Map.entry("redis_version", "6.2.14"));
    }

    /** A target that started its PostgreSQL and has not used its Redis yet. */
    private record PostgresOnlyEmbeddedLike(PostgresEndpoint runningPostgres) implements Target {
        @Override
        public TargetKind kind() {
            return TargetKind.EMBEDDED;
        }

        @Override
        public PostgresEndpoint postgres() {
            return runningPostgres;
        }

        @Override
        public RedisEndpoint redis() {
            throw new AssertionError("describing must not start Redis");
        }

        @Override
        public RedisEndpoint runningRedis() {
            return null;
        }

        @Override
        public boolean startsServers() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
