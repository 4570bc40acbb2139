package io.loadbench.scenarios.gatling;

import io.gatling.commons.util.Clock;
import io.gatling.core.action.Action;
import io.gatling.core.action.ExitableAction;
import io.gatling.core.session.Session;
import io.gatling.core.stats.StatsEngine;
import io.loadbench.scenarios.protocol.CheckResult;
import io.loadbench.scenarios.protocol.DatastoreCheck;
import io.loadbench.scenarios.protocol.Outcome;
import io.loadbench.scenarios.protocol.RedisCommand;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs one datastore request for a virtual user.
 *
 * <p>On the user's event loop: take the intended start from the user's schedule ({@link Timeline}: its arrival,
 * its think time, or the end of its previous request; never the moment this action happens to run, which would
 * hide whatever delayed the injector), record the lag between the two, resolve the request, hand it to the
 * engine's executor and return. On the executor thread, when the reply arrives: run the checks, record
 * both latencies, report to Gatling's {@code StatsEngine} (safe from any thread) and pass the updated session
 * to the next action ({@code next.!} hops back to the user's event loop by itself).
 */
final class DatastoreAction<R> extends ReportingAction implements ExitableAction {

    private final SessionValue<String> requestName;
    private final RequestCall<R> call;
    private final DatastoreComponents components;

    DatastoreAction(SessionValue<String> requestName, RequestCall<R> call, DatastoreComponents components,
                    StatsEngine statsEngine, Clock clock, Action next) {
        super("datastore-request", statsEngine, clock, next);
        this.requestName = requestName;
        this.call = call;
        this.components = components;
    }

    @Override
    public void execute(Session session) {
        long now = System.nanoTime();
        long intendedStartNanos = Timeline.dueNanos(session, now);
        long startMillis = clock().nowMillis() - TimeUnit.NANOSECONDS.toMillis(now - intendedStartNanos);
        components.runtime.requestStarting(intendedStartNanos, now, Timeline.has(session, Timeline.ARRIVAL));
        Session scheduled = session.remove(Timeline.INTENDED).remove(Timeline.ARRIVAL);
        String name;
        RequestCall.Submission<R> submission;
        try {
            name = requestName.resolve(scheduled);
            submission = call.resolve().apply(scheduled);
        } catch (RuntimeException e) {
            crashed(scheduled, safeName(scheduled), "cannot build the request: " + e.getMessage());
            return;
        }
        submission.submit(components.engine, intendedStartNanos, outcome -> {
            try {
                complete(scheduled, name, startMillis, outcome);
            } catch (RuntimeException e) {
                // never leave a virtual user stranded on an executor thread
                crashed(scheduled.set(Timeline.CHAIN_END, outcome.endNanos()), name, "cannot complete the request: " + e.getMessage());
            }
        });
    }

    /** A request that could not be built or completed: counted as crashed (a failure of record), the user marked failed. */
    private void crashed(Session session, String name, String message) {
        logger().underlying().error("'{}': {}", name, message);
        components.runtime.recordCrash(name);
        statsEngine().logRequestCrash(session.scenario(), session.groups(), name, message);
        next().$bang(session.markAsFailed());
    }

    private void complete(Session session, String name, long startMillis, Outcome<R> outcome) {
        String failure = outcome.failure();
        Map<String, Object> saved = new HashMap<>();
        Optional<Boolean> lookupHit = Optional.empty();
        if (failure == null) {
            for (DatastoreCheck<R> check : call.checks()) {
                CheckResult result = check.check(outcome.value());
                if (!result.passedCheck()) {
                    failure = result.failure();
                    break;
                }
                saved.putAll(result.saved());
            }
            if (call.cacheLookup()) {
                lookupHit = Optional.of(RedisCommand.isHit(outcome.value()));
            }
        }
        boolean ok = failure == null;
        components.runtime.record(name, outcome, ok, ok ? lookupHit : Optional.empty());

        long endMillis = startMillis + TimeUnit.NANOSECONDS.toMillis(outcome.intendedLatencyNanos());
        logResponse(session, name, startMillis, endMillis, Optional.ofNullable(failure));

        Session updated = session.logGroupRequestTimings(startMillis, endMillis).set(Timeline.CHAIN_END, outcome.endNanos());
        if (ok) {
            for (Map.Entry<String, Object> entry : saved.entrySet()) {
                updated = entry.getValue() == null ? updated.remove(entry.getKey()) : updated.set(entry.getKey(), entry.getValue());
            }
        } else {
            updated = updated.markAsFailed();
        }
        next().$bang(updated);
    }

    private String safeName(Session session) {
        try {
            return requestName.resolve(session);
        } catch (RuntimeException e) {
            return "unresolved request name";
        }
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
