package io.loadbench.scenarios.gatling;

import io.gatling.core.CoreComponents;
import io.gatling.core.config.GatlingConfiguration;
import io.gatling.core.protocol.Protocol;
import io.gatling.core.protocol.ProtocolKey;
import scala.Function1;

/**
 * Finds the datastore protocol of a scenario. Gatling calls {@link #newComponents} once per scenario, so the
 * pools live in the shared {@link io.loadbench.scenarios.protocol.DatastoreRuntime}, not in the components.
 */
final class DatastoreProtocolKey implements ProtocolKey<DatastoreProtocol, DatastoreComponents> {

    static final DatastoreProtocolKey INSTANCE = new DatastoreProtocolKey();

    private DatastoreProtocolKey() {
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<Protocol> protocolClass() {
        return (Class) DatastoreProtocol.class;
    }

    @Override
    public DatastoreProtocol defaultProtocolValue(GatlingConfiguration configuration) {
        throw new IllegalStateException("a datastore request is used without the datastore protocol:"
                + " add .protocols(Datastore.datastore(runtime)) to setUp");
    }

    @Override
    public Function1<DatastoreProtocol, DatastoreComponents> newComponents(CoreComponents coreComponents) {
        return protocol -> {
            DatastoreComponents components = new DatastoreComponents(protocol.runtime(),
                    protocol.runtime().engine(protocol.settings()));
            // Gatling closes its actor system when the run ends, before the reports: release pools then at
            // the latest (the simulation's after hook normally did it already).
            coreComponents.actorSystem().registerOnTermination(() -> {
                protocol.runtime().close();
                return scala.runtime.BoxedUnit.UNIT;
            });
            return components;
        };
    }
}
