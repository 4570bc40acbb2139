package io.loadbench.scenarios.gatling;

import io.gatling.core.action.Action;
import io.gatling.core.action.builder.ActionBuilder;
import io.gatling.core.structure.ScenarioContext;

/** The Scala {@code ActionBuilder} behind every datastore request of the Java DSL. */
public final class DatastoreActionBuilder<R> implements ActionBuilder {

    private final Object requestName;
    private final RequestCall<R> call;

    /**
     * @param requestName the request name: a string (Gatling EL allowed) or a function of the session
     */
    public DatastoreActionBuilder(Object requestName, RequestCall<R> call) {
        this.requestName = requestName;
        this.call = call;
    }

    @Override
    public Action build(ScenarioContext ctx, Action next) {
        DatastoreComponents components = ctx.protocolComponentsRegistry().components(DatastoreProtocolKey.INSTANCE);
        return new DatastoreAction<>(SessionValue.string(requestName), call, components,
                ctx.coreComponents().statsEngine(), ctx.coreComponents().clock(), next);
    }
}
