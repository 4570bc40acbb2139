package io.loadbench.scenarios.verdict;

import java.util.Locale;

/**
 * Closed model: the run held its target number of concurrent virtual users, judged by the time-weighted mean
 * over the measured window (at least 95% of the target), not by the most ever reached.
 */
public record UsersCheck(int targetUsers) implements VerdictCheck {

    /** The share of the target the time-weighted mean must reach. */
    public static final double MIN_SHARE = 0.95;

    @Override
    public CheckOutcome judge(Measurement m) {
        double mean = m.users().mean();
        return CheckOutcome.failedIf(mean < targetUsers * MIN_SHARE, () -> String.format(Locale.ROOT,
                "held %.1f concurrent users on average over the measured window (at most %d at once), %d targeted"
                        + " (at least %.0f%% needed)", mean, m.users().max(), targetUsers, MIN_SHARE * 100));
    }
}
