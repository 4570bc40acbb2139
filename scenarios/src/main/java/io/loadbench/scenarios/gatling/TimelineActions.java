package io.loadbench.scenarios.gatling;

import io.gatling.core.action.Action;
import io.gatling.core.action.builder.ActionBuilder;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import io.loadbench.scenarios.protocol.DatastoreRuntime;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The actions that put a virtual user on its schedule ({@link Timeline}): its arrival, its think times and its
 * transactions. Built through {@code SimulationRun}, never by hand.
 */
public final class TimelineActions {

    private TimelineActions() {
    }

    /**
     * A user's arrival: takes the next intended time from {@code schedule}, waits until then on its event loop, and
     * marks its next request as the arrival's first. A user that finds the schedule over (the injection starts a
     * few more users than arrivals, so that every arrival has one) leaves at once, without a request.
     */
    public static ActionBuilder arrival(Supplier<OptionalLong> schedule) {
        return (ctx, next) -> new TimelineAction("loadbench-arrival", ctx, next) {
            private final Action exit = ctx.coreComponents().exit();

            @Override
            public void execute(Session session) {
                OptionalLong due = schedule.get();
                if (due.isEmpty()) {
                    exit.$bang(session);
                    return;
                }
                releaseAt(session.set(Timeline.INTENDED, due.getAsLong()).set(Timeline.ARRIVAL, Boolean.TRUE), due.getAsLong());
            }
        };
    }

    /**
     * A think time drawn uniformly from {@code min} to {@code max}, counted from the end of the user's previous
     * request: the next request is due then, however late this user wakes up.
     */
    public static ActionBuilder think(Duration min, Duration max) {
        long minNanos = min.toNanos();
        long maxNanos = max.toNanos();
        return (ctx, next) -> new TimelineAction("loadbench-think", ctx, next) {
            @Override
            public void execute(Session session) {
                long now = System.nanoTime();
                long pause = maxNanos > minNanos ? ThreadLocalRandom.current().nextLong(minNanos, maxNanos + 1) : minNanos;
                long due = Timeline.longOr(session, Timeline.CHAIN_END, now) + pause;
                releaseAt(session.set(Timeline.INTENDED, due), due);
            }
        };
    }

    /** Opens a transaction: it starts when the next request is due. */
    public static ActionBuilder transactionStart() {
        return (ctx, next) -> new TimelineAction("loadbench-transaction-start", ctx, next) {
            @Override
            public void execute(Session session) {
                long now = System.nanoTime();
                next().$bang(session.set(Timeline.TRANSACTION_START, Timeline.dueNanos(session, now))
                        .set(Timeline.TRANSACTION_ACTUAL_START, now));
            }
        };
    }

    /**
     * Closes the transaction {@code name}: from its start to the end of its last request, recorded as its own
     * series (OK when no request of the user failed, else {@code <name>.failed}).
     */
    public static ActionBuilder transactionEnd(String name, DatastoreRuntime runtime) {
        return (ctx, next) -> new TimelineAction("loadbench-transaction-end", ctx, next) {
            @Override
            public void execute(Session session) {
                long now = System.nanoTime();
                if (Timeline.has(session, Timeline.TRANSACTION_START)) {
                    long start = Timeline.longOr(session, Timeline.TRANSACTION_START, now);
                    long actual = Math.max(start, Timeline.longOr(session, Timeline.TRANSACTION_ACTUAL_START, now));
                    long end = Math.max(actual, Timeline.longOr(session, Timeline.CHAIN_END, now));
                    runtime.recordTransaction(name, start, actual, end, !session.isFailed());
                }
                next().$bang(session.remove(Timeline.TRANSACTION_START).remove(Timeline.TRANSACTION_ACTUAL_START));
            }
        };
    }

    /** An action of the timeline: it reports nothing to Gatling and passes the session on, now or later. */
    private abstract static class TimelineAction extends ReportingAction {

        TimelineAction(String name, ScenarioContext ctx, Action next) {
            super(name, ctx.coreComponents().statsEngine(), ctx.coreComponents().clock(), next);
        }

        /** Passes {@code session} on at {@code dueNanos}: at once when that is past, else from its event loop's timer. */
        final void releaseAt(Session session, long dueNanos) {
            long wait = dueNanos - System.nanoTime();
            if (wait <= 0) {
                next().$bang(session);
            } else {
                session.eventLoop().schedule(() -> next().$bang(session), wait, TimeUnit.NANOSECONDS);
            }
        }
    }
}
