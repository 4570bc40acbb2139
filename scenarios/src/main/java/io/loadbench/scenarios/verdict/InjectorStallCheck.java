package io.loadbench.scenarios.verdict;

import java.time.Duration;
import java.util.Locale;

/**
 * The injector JVM never stalled longer than {@code maxStall} (its hiccup meter's maximum): every virtual user
 * of a stalled injector waited too, so its latency says more about the injector than the datastore.
 */
public record InjectorStallCheck(Duration maxStall) implements VerdictCheck {

    @Override
    public CheckOutcome judge(Measurement m) {
        long maxUs = m.hiccups().maxUs();
        return CheckOutcome.failedIf(maxUs > maxStall.toNanos() / 1000, () -> String.format(Locale.ROOT,
                "the injector stalled for %.1f ms (at most %d ms allowed)", maxUs / 1000.0, maxStall.toMillis()));
    }
}
