package io.loadbench.scenarios.gatling;

import io.gatling.core.action.Action;
import io.gatling.core.action.builder.ActionBuilder;
import io.gatling.core.structure.ScenarioContext;
import io.loadbench.scenarios.protocol.ConnectionWork;
import io.loadbench.scenarios.protocol.Store;

/** The Scala {@code ActionBuilder} behind a sequence of SQL requests on one connection. */
public final class SequenceActionBuilder implements ActionBuilder {

    private final String firstRequestName;
    private final SessionValue<ConnectionWork> work;

    public SequenceActionBuilder(String firstRequestName, SessionValue<ConnectionWork> work) {
        this.firstRequestName = firstRequestName;
        this.work = work;
    }

    /** Builds the action and opens the PostgreSQL pool (before the load starts). */
    @Override
    public Action build(ScenarioContext ctx, Action next) {
        DatastoreComponents components = ctx.protocolComponentsRegistry().components(DatastoreProtocolKey.INSTANCE);
        components.runtime.require(components.engine, Store.POSTGRES);
        return new SequenceAction(firstRequestName, work, components, ctx.coreComponents().statsEngine(),
                ctx.coreComponents().clock(), next);
    }
}
