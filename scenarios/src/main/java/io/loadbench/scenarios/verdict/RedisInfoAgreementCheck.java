package io.loadbench.scenarios.verdict;

import java.util.Locale;

/**
 * The hit ratio the requests measured agrees with Redis's own INFO keyspace hits/misses within one percentage
 * point. Only a server this run owns must agree: a shared one counts other clients' lookups too. A run without
 * lookups, or whose Redis INFO was unreadable, passes.
 */
public record RedisInfoAgreementCheck() implements VerdictCheck {

    @Override
    public CheckOutcome judge(Measurement m) {
        if (!m.redisOwnedByRun() || m.hitRatio().isEmpty() || m.redisInfo().isEmpty()) {
            return CheckOutcome.ok();
        }
        double measured = m.hitRatio().getAsDouble();
        Measurement.RedisKeyspace info = m.redisInfo().get();
        return CheckOutcome.failedIf(!info.agreesWith(measured), () -> String.format(Locale.ROOT,
                "hit ratio %.4f measured by the requests disagrees with Redis INFO %.4f",
                measured, info.hitRatio().orElse(Double.NaN)));
    }
}
