package io.loadbench.scenarios.verdict;

import java.time.Duration;
import java.util.Locale;

/**
 * No request started later than {@code maxLag} after its intended start (its arrival, its think time's end or
 * its previous request's end): a larger lag means the injector, not the datastore, fell behind the schedule.
 * The lag is inside every intended latency already; this check says whose fault it was.
 */
public record LagCheck(Duration maxLag) implements VerdictCheck {

    @Override
    public CheckOutcome judge(Measurement m) {
        long maxUs = m.injector().lagUs().maxUs();
        return CheckOutcome.failedIf(maxUs > maxLag.toNanos() / 1000, () -> String.format(Locale.ROOT,
                "the injector fell behind its schedule: a request started %.1f ms late (lag p99 %.1f ms; at most %d ms allowed)",
                maxUs / 1000.0, m.injector().lagUs().p99Us() / 1000.0, maxLag.toMillis()));
    }
}
