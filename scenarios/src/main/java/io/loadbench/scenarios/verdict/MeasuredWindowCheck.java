package io.loadbench.scenarios.verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * The measured window is whole: every request ended before the verdict, and the load outlasted its warm-up.
 * A run that ended during the warm-up measured nothing, whatever the other checks say.
 */
public record MeasuredWindowCheck(String warmup) implements VerdictCheck {

    @Override
    public CheckOutcome judge(Measurement m) {
        List<String> failures = new ArrayList<>();
        if (m.requestsInFlightAtEnd() > 0) {
            failures.add(m.requestsInFlightAtEnd() + " requests still running at the end of the run");
        }
        if (m.endedDuringWarmup()) {
            failures.add("the run ended during its warm-up (" + warmup + "): nothing was measured");
        }
        return new CheckOutcome(failures);
    }
}
