package io.loadbench.scenarios.verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * One way a run can fail, judged on what was measured after the warm-up. Implementations are immutable, hold
 * their thresholds (options of the preset) and say why in one line per failure, with the figures.
 */
@FunctionalInterface
public interface VerdictCheck {

    CheckOutcome judge(Measurement measurement);

    /** Every failure of {@code checks} on {@code measurement}, in check order: empty when the run is OK. */
    static List<String> failures(List<? extends VerdictCheck> checks, Measurement measurement) {
        List<String> failures = new ArrayList<>();
        for (VerdictCheck check : checks) {
            failures.addAll(check.judge(measurement).failures());
        }
        return failures;
    }
}
