package io.loadbench.scenarios.verdict;

/** Closed model: the run reached its target number of concurrent virtual users. */
public record UsersCheck(int targetUsers) implements VerdictCheck {

    @Override
    public CheckOutcome judge(Measurement m) {
        return CheckOutcome.failedIf(m.maxConcurrentUsers() < targetUsers,
                () -> "reached " + m.maxConcurrentUsers() + " concurrent users, " + targetUsers + " targeted");
    }
}
