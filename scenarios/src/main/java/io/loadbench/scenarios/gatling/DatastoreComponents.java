package io.loadbench.scenarios.gatling;

import io.gatling.core.protocol.ProtocolComponents;
import io.gatling.core.session.Session;
import io.loadbench.scenarios.protocol.DatastoreEngine;
import io.loadbench.scenarios.protocol.DatastoreRuntime;
import scala.Function1;
import scala.runtime.BoxedUnit;

/** Per-scenario components: nothing per user, just the shared runtime and its engine. */
final class DatastoreComponents implements ProtocolComponents {

    final DatastoreRuntime runtime;
    final DatastoreEngine engine;

    DatastoreComponents(DatastoreRuntime runtime, DatastoreEngine engine) {
        this.runtime = runtime;
        this.engine = engine;
    }

    @Override
    public Function1<Session, Session> onStart() {
        return io.gatling.core.session.Session$.MODULE$.Identity();
    }

    @Override
    public Function1<Session, BoxedUnit> onExit() {
        return ProtocolComponents.NoopOnExit();
    }
}
