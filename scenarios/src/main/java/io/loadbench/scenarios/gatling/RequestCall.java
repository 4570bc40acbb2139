package io.loadbench.scenarios.gatling;

import io.gatling.core.session.Session;
import io.loadbench.scenarios.protocol.DatastoreCheck;
import io.loadbench.scenarios.protocol.DatastoreEngine;
import io.loadbench.scenarios.protocol.Outcome;
import io.loadbench.scenarios.protocol.Store;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One request as the action runs it: the store it goes to, how to resolve it against the session into a
 * submission to the engine, the checks on its reply, and whether a successful reply counts as a cache hit or
 * miss. Immutable.
 *
 * @param resolve resolves the request for a session; throws on a resolution failure
 * @param <R>     the reply type
 */
public record RequestCall<R>(Store store, Function<Session, Submission<R>> resolve, List<DatastoreCheck<R>> checks,
                             boolean cacheLookup) {

    public RequestCall {
        checks = List.copyOf(checks);
    }

    /** A resolved request, ready to run. */
    @FunctionalInterface
    public interface Submission<R> {
        void submit(DatastoreEngine engine, long intendedStartNanos, Consumer<Outcome<R>> done);
    }
}
