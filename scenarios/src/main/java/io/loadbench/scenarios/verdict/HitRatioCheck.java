package io.loadbench.scenarios.verdict;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The cache hit ratio over every lookup after the warm-up is at least {@code minHitRatio}. A run without
 * lookups has no ratio to judge and passes.
 */
public record HitRatioCheck(double minHitRatio) implements VerdictCheck {

    @Override
    public CheckOutcome judge(Measurement m) {
        OptionalDouble ratio = m.hitRatio();
        return CheckOutcome.failedIf(ratio.isPresent() && ratio.getAsDouble() < minHitRatio, () -> String.format(Locale.ROOT,
                "hit ratio %.4f below the target %.2f", ratio.getAsDouble(), minHitRatio));
    }
}
