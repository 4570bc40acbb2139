package io.loadbench.datastores.embedded;

import io.loadbench.datastores.Target;
import io.loadbench.datastores.TargetContractTest;

/** The embedded target: each test starts (and stops) its own PostgreSQL and Redis. */
class EmbeddedTargetTest extends TargetContractTest {

    @Override
    protected Target openTarget() {
        return EmbeddedTarget.open();
    }
}
