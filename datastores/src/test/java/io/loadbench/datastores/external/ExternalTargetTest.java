package io.loadbench.datastores.external;

import io.loadbench.datastores.DatastoreException;
import io.loadbench.datastores.Datastores;
import io.loadbench.datastores.Target;
import io.loadbench.datastores.TargetContractTest;
import io.loadbench.datastores.TargetKind;
import io.loadbench.datastores.testing.TestDatastores;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The external target, pointed at the shared embedded servers as if they were the user's own. */
class ExternalTargetTest extends TargetContractTest {

    private final Datastores shared = TestDatastores.embedded();

    @Override
    protected Target openTarget() {
        return new ExternalTarget(shared.postgres(), shared.redis());
    }

    @Test
    void onlyTheNamedStoresExist() {
        Target postgresOnly = new ExternalTarget(shared.postgres(), null);

        assertThat(postgresOnly.kind()).isEqualTo(TargetKind.EXTERNAL);
        assertThat(postgresOnly.runningPostgres()).isEqualTo(shared.postgres());
        assertThat(postgresOnly.runningRedis()).isNull();
        assertThatThrownBy(postgresOnly::redis).isInstanceOf(DatastoreException.class)
                .hasMessage("no Redis was named: pass --redis-url or set LOADBENCH_REDIS_URL"
                        + " (or pass neither URL to use the embedded servers)");
    }

    @Test
    void closingLeavesTheUsersServersRunning() throws Exception {
        openTarget().close();

        try (var connection = shared.openPgConnection()) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }
}
