package io.loadbench.datastores.containers;

import io.loadbench.datastores.Target;
import io.loadbench.datastores.TargetContractTest;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The containers target; skipped when there is no Docker engine (the cheap check first, see {@link ContainersTargetDockerTest}). */
@EnabledIf("io.loadbench.datastores.containers.ContainersTargetDockerTest#dockerMayExist")
@Testcontainers(disabledWithoutDocker = true)
class ContainerTargetTest extends TargetContractTest {

    @Override
    protected Target openTarget() {
        return ContainerTarget.open(System.getenv());
    }
}
