package io.loadbench.loader.testing;

import io.loadbench.datastores.Datastores;
import io.loadbench.datastores.TargetSpec;
import io.loadbench.datastores.testing.TestDatastores;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The PostgreSQL targets integration tests run on: always the embedded server, plus the external one when
 * {@code LOADBENCH_PG_URL} is set. Use as a {@code @MethodSource}.
 */
public final class TestTargets {

    private static Datastores external;

    private TestTargets() {
    }

    public static Stream<Datastores> postgres() {
        List<Datastores> targets = new ArrayList<>();
        targets.add(TestDatastores.embedded());
        String url = System.getenv(TargetSpec.PG_URL_ENV);
        if (url != null && !url.isBlank()) {
            targets.add(external());
        }
        return targets.stream();
    }

    private static synchronized Datastores external() {
        if (external == null) {
            external = Datastores.openUntilJvmExit(TargetSpec.resolve(null, System.getenv(TargetSpec.PG_URL_ENV), null, java.util.Map.of()));
        }
        return external;
    }
}
