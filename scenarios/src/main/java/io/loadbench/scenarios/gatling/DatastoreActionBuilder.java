package io.loadbench.scenarios.gatling;

import io.gatling.core.action.Action;
import io.gatling.core.action.builder.ActionBuilder;
import io.gatling.core.structure.ScenarioContext;

/** The Scala {@code ActionBuilder} behind every datastore request of the Java DSL. */
public final class DatastoreActionBuilder<R> implements ActionBuilder {

    private final SessionValue<String> requestName;
    private final RequestCall<R> call;

    public DatastoreActionBuilder(SessionValue<String> requestName, RequestCall<R> call) {
        this.requestName = requestName;
        this.call = call;
    }

    /** Builds the action and opens the pool of the store it uses (before the load starts). */
    @Override
    public Action build(ScenarioContext ctx, Action next) {
        DatastoreComponents components = ctx.protocolComponentsRegistry().components(DatastoreProtocolKey.INSTANCE);
        components.runtime.require(components.engine, call.store());
        return new DatastoreAction<>(requestName, call, components, ctx.coreComponents().statsEngine(),
                ctx.coreComponents().clock(), next);
    }
}
