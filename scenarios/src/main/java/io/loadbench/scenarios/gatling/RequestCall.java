package io.loadbench.scenarios.gatling;

import io.gatling.core.session.Session;
import io.loadbench.scenarios.protocol.DatastoreCheck;
import io.loadbench.scenarios.protocol.DatastoreEngine;
import io.loadbench.scenarios.protocol.Outcome;
import java.util.List;
import java.util.function.Consumer;

/**
 * One request kind (SQL or Redis) as the action runs it: resolve against the session, submit to the engine,
 * check the reply.
 *
 * @param <R> the reply type
 */
public interface RequestCall<R> {

    /** Resolves the request for this session and returns how to submit it; throws on a resolution failure. */
    Submission<R> resolve(Session session);

    List<DatastoreCheck<R>> checks();

    /** Whether a successful reply counts as a cache hit or miss. */
    boolean cacheLookup();

    /** A resolved request, ready to run. */
    @FunctionalInterface
    interface Submission<R> {
        void submit(DatastoreEngine engine, long intendedStartNanos, Consumer<Outcome<R>> done);
    }
}
