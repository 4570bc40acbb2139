package io.loadbench.scenarios.verdict;

import java.util.Locale;

/**
 * At most {@code maxKoRatio} of the requests after the warm-up failed (0.001 = 0.1%); requests that crashed
 * (could not be built or completed) are failures too.
 */
public record KoRatioCheck(double maxKoRatio) implements VerdictCheck {

    @Override
    public CheckOutcome judge(Measurement m) {
        long failed = m.ko() + m.crashed();
        long total = m.total() + m.crashed();
        return CheckOutcome.failedIf(total > 0 && (double) failed / total > maxKoRatio, () -> String.format(Locale.ROOT,
                "%d of %d requests failed (%.3f%%, at most %.3f%% allowed)%s", failed, total, 100.0 * failed / total,
                100 * maxKoRatio, m.crashed() == 0 ? "" : "; " + m.crashed() + " of them crashed"));
    }
}
