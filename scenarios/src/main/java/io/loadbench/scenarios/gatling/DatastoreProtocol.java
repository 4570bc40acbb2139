package io.loadbench.scenarios.gatling;

import io.gatling.core.protocol.Protocol;
import io.loadbench.scenarios.protocol.DatastoreRuntime;
import io.loadbench.scenarios.protocol.DatastoreSettings;

/** The datastore protocol as Gatling sees it: the run's shared runtime and the pool/executor settings. */
public final class DatastoreProtocol implements Protocol {

    private final DatastoreRuntime runtime;
    private final DatastoreSettings settings;

    public DatastoreProtocol(DatastoreRuntime runtime, DatastoreSettings settings) {
        this.runtime = runtime;
        this.settings = settings;
    }

    DatastoreRuntime runtime() {
        return runtime;
    }

    DatastoreSettings settings() {
        return settings;
    }
}
