package io.loadbench.scenarios.protocol;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * Requests that run one after another on one PostgreSQL connection held for all of them: a pgbench script's
 * transaction, whose {@code BEGIN} and {@code END} must reach the same backend (a pooled connection per statement
 * would run them on different ones, and hand a connection back inside a transaction). The engine runs it on its
 * PostgreSQL executor, one connection of its pool per call, as it runs a single statement
 * ({@link DatastoreEngine#submitPgWork}).
 *
 * <p>Obligations: time each request itself, from its intended start (the first request's is the sequence's, a later
 * one's the end of the one before, plus any pause the work makes), and set {@link Context#queryTimeout()} on each
 * statement; return at least one {@link StepOutcome}; record a request that fails as a failed step and stop there,
 * rather than throw (a thrown exception fails the sequence as a failure of its first request). The engine rolls back
 * a transaction the work leaves open, and fails its last step if that step had succeeded.
 */
@FunctionalInterface
public interface ConnectionWork {

    /**
     * What the engine tells the work.
     *
     * @param intendedStartNanos when the sequence was due ({@link System#nanoTime()}): its first request's intended start
     * @param heldNanos          when the connection was obtained
     * @param queryTimeout       the protocol's statement timeout
     */
    record Context(long intendedStartNanos, long heldNanos, Duration queryTimeout) {
    }

    /** Runs the sequence on {@code connection} (autocommit on, as the pool hands it out); each request's outcome in order. */
    List<StepOutcome> run(Connection connection, Context context) throws SQLException;
}
