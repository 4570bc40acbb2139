package io.loadbench.scenarios.gatling;

import io.gatling.commons.util.Clock;
import io.gatling.core.action.Action;
import io.gatling.core.action.ExitableAction;
import io.gatling.core.session.Session;
import io.gatling.core.stats.StatsEngine;
import io.loadbench.scenarios.protocol.ConnectionWork;
import io.loadbench.scenarios.protocol.StepOutcome;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a sequence of SQL requests on one held connection for a virtual user ({@link ConnectionWork}), and reports each
 * request as {@link DatastoreAction} reports one: recorded from its intended start into the run's recorders, and to
 * Gatling's {@code StatsEngine}. The sequence is due when the user's schedule says ({@link Timeline}); after it, the
 * user's next request is due at its last request's end, and the user is marked failed if any request failed (so a
 * surrounding transaction records {@code <name>.failed}).
 */
final class SequenceAction extends ReportingAction implements ExitableAction {

    private final String firstRequestName;
    private final SessionValue<ConnectionWork> work;
    private final DatastoreComponents components;

    SequenceAction(String firstRequestName, SessionValue<ConnectionWork> work, DatastoreComponents components,
                   StatsEngine statsEngine, Clock clock, Action next) {
        super("datastore-sequence", statsEngine, clock, next);
        this.firstRequestName = firstRequestName;
        this.work = work;
        this.components = components;
    }

    @Override
    public void execute(Session session) {
        long nowNanos = System.nanoTime();
        long nowMillis = clock().nowMillis();
        long intendedStartNanos = Timeline.dueNanos(session, nowNanos);
        components.runtime.requestStarting(intendedStartNanos, nowNanos, Timeline.has(session, Timeline.ARRIVAL));
        Session scheduled = session.remove(Timeline.INTENDED).remove(Timeline.ARRIVAL);
        ConnectionWork resolved;
        try {
            resolved = work.resolve(scheduled);
        } catch (RuntimeException e) {
            crashed(scheduled, "cannot build the sequence: " + e.getMessage());
            return;
        }
        components.engine.submitPgWork(intendedStartNanos, firstRequestName, resolved, steps -> {
            try {
                complete(scheduled, steps, nowNanos, nowMillis);
            } catch (RuntimeException e) {
                // never leave a virtual user stranded on an executor thread
                crashed(scheduled.set(Timeline.CHAIN_END, System.nanoTime()), "cannot complete the sequence: " + e.getMessage());
            }
        });
    }

    private void crashed(Session session, String message) {
        logger().underlying().error("'{}': {}", firstRequestName, message);
        components.runtime.recordCrash(firstRequestName);
        statsEngine().logRequestCrash(session.scenario(), session.groups(), firstRequestName, message);
        next().$bang(session.markAsFailed());
    }

    /**
     * Records and reports every step; Gatling's millisecond times are derived from the nanosecond readings through
     * one (nanos, millis) pair taken when the sequence was asked for.
     */
    private void complete(Session session, List<StepOutcome> steps, long baseNanos, long baseMillis) {
        Session updated = session;
        boolean failed = false;
        long lastEndNanos = baseNanos;
        for (StepOutcome step : steps) {
            boolean ok = step.succeeded();
            components.runtime.record(step.requestName(), step.outcome(), ok, Optional.empty());
            long startMillis = baseMillis + TimeUnit.NANOSECONDS.toMillis(step.outcome().intendedStartNanos() - baseNanos);
            long endMillis = startMillis + TimeUnit.NANOSECONDS.toMillis(step.outcome().intendedLatencyNanos());
            logResponse(updated, step.requestName(), startMillis, endMillis, Optional.ofNullable(step.outcome().failure()));
            updated = updated.logGroupRequestTimings(startMillis, endMillis);
            failed |= !ok;
            lastEndNanos = step.outcome().endNanos();
        }
        updated = updated.set(Timeline.CHAIN_END, lastEndNanos);
        next().$bang(failed ? updated.markAsFailed() : updated);
    }

    // ---- what scalac generates for a class mixing in ExitableAction: its two super-accessors ----

    /** ChainableAction's {@code super.!}: Action's implementation (event-loop hop, then execute). */
    public void io$gatling$core$action$ChainableAction$$super$$bang(Session session) {
        TraitSupers.actionBang(this, session);
    }

    /** ExitableAction's {@code super.!}: ChainableAction's implementation (crash handling). */
    public void io$gatling$core$action$ExitableAction$$super$$bang(Session session) {
        TraitSupers.chainableActionBang(this, session);
    }
}
