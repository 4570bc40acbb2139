package io.loadbench.scenarios.verdict;

import java.util.Locale;

/**
 * Open model: the run achieved its target rate, within {@code tolerance} below it (0.05 = 5%). The rate counts
 * every request that ended after the warm-up, OK or KO, over the measured window.
 */
public record RateCheck(double targetRequestsPerSec, double tolerance) implements VerdictCheck {

    @Override
    public CheckOutcome judge(Measurement m) {
        double achieved = m.achievedRequestsPerSec();
        return CheckOutcome.failedIf(achieved < targetRequestsPerSec * (1 - tolerance), () -> String.format(Locale.ROOT,
                "missed the target rate: %.1f req/s achieved, %.1f req/s targeted (tolerance %.0f%%)",
                achieved, targetRequestsPerSec, tolerance * 100));
    }
}
