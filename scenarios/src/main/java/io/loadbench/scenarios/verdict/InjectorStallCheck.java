package io.loadbench.scenarios.verdict;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The injector JVM never stalled longer than {@code maxStall} (its hiccup meter's maximum), nor for more than
 * {@code maxStalledShare} of the measured window in all: every virtual user of a stalled injector waited too, so
 * its latency says more about the injector than the datastore.
 */
public record InjectorStallCheck(Duration maxStall, double maxStalledShare) implements VerdictCheck {

    @Override
    public CheckOutcome judge(Measurement m) {
        List<String> failures = new ArrayList<>();
        long maxUs = m.injector().hiccupUs().maxUs();
        if (maxUs > maxStall.toNanos() / 1000) {
            failures.add(String.format(Locale.ROOT, "the injector stalled for %.1f ms (at most %d ms allowed)",
                    maxUs / 1000.0, maxStall.toMillis()));
        }
        if (m.stalledShare() > maxStalledShare) {
            failures.add(String.format(Locale.ROOT, "the injector was stalled %.1f%% of the measured window (%.0f ms in"
                    + " all; at most %.1f%% allowed)", 100 * m.stalledShare(), m.injector().stalledUs() / 1000.0, 100 * maxStalledShare));
        }
        return new CheckOutcome(failures);
    }
}
