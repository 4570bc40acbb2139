package io.loadbench.scenarios.protocol;

import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.Session;
import io.loadbench.scenarios.gatling.SequenceActionBuilder;
import io.loadbench.scenarios.gatling.SessionValue;
import java.util.function.Function;

/**
 * SQL requests run one after another on one held connection ({@link ConnectionWork}), each recorded and reported
 * under its own name; built by {@link Datastore#sqlSequence}. Immutable.
 */
public final class SqlSequenceActionBuilder implements ActionBuilder {

    private final String firstRequestName;
    private final Function<Session, ConnectionWork> work;

    SqlSequenceActionBuilder(String firstRequestName, Function<Session, ConnectionWork> work) {
        this.firstRequestName = firstRequestName;
        this.work = work;
    }

    @Override
    public io.gatling.core.action.builder.ActionBuilder asScala() {
        return new SequenceActionBuilder(firstRequestName, SessionValue.function(work));
    }
}
