package io.loadbench.scenarios.verdict;

import java.util.Locale;

/** At most {@code maxKoRatio} of the requests after the warm-up failed (0.001 = 0.1%). */
public record KoRatioCheck(double maxKoRatio) implements VerdictCheck {

    @Override
    public CheckOutcome judge(Measurement m) {
        long ko = m.ko();
        long total = m.total();
        return CheckOutcome.failedIf(total > 0 && (double) ko / total > maxKoRatio, () -> String.format(Locale.ROOT,
                "%d of %d requests failed (%.3f%%, at most %.3f%% allowed)", ko, total, 100.0 * ko / total, 100 * maxKoRatio));
    }
}
