package io.loadbench.scenarios.gatling;

import io.gatling.core.session.Session;
import scala.Option;

/**
 * The session attributes that carry a virtual user's schedule from one step to the next, all
 * {@link System#nanoTime()} readings: when the next request is due ({@value #INTENDED}, set by an arrival or a
 * think time), when the user's previous request ended ({@value #CHAIN_END}), whether the next request is the
 * user's first after its arrival ({@value #ARRIVAL}), and the open transaction's start.
 *
 * <p>The rule: a request is due when its arrival or think time said so; otherwise when the previous request
 * ended (a chain of requests without pause); otherwise (a request with no schedule before it) when it runs.
 */
public final class Timeline {

    static final String INTENDED = "loadbench.intended";
    static final String CHAIN_END = "loadbench.chainEnd";
    static final String ARRIVAL = "loadbench.arrival";
    static final String TRANSACTION_START = "loadbench.transactionStart";
    static final String TRANSACTION_ACTUAL_START = "loadbench.transactionActualStart";

    private Timeline() {
    }

    /** When the session's next request is due, by the rule above; never after {@code now}. */
    static long dueNanos(Session session, long now) {
        long due = longOr(session, INTENDED, longOr(session, CHAIN_END, now));
        return Math.min(due, now);
    }

    static long longOr(Session session, String key, long otherwise) {
        Option<Object> value = session.attributes().get(key);
        return value.isDefined() ? (Long) value.get() : otherwise;
    }

    static boolean has(Session session, String key) {
        return session.attributes().contains(key);
    }
}
