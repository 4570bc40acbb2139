package io.loadbench.scenarios.verdict;

/** At least one request ended after the warm-up: a run that measured nothing is no result. */
public record RequestsCompletedCheck() implements VerdictCheck {

    @Override
    public CheckOutcome judge(Measurement m) {
        return CheckOutcome.failedIf(m.total() == 0, () -> "no request completed after the warm-up");
    }
}
