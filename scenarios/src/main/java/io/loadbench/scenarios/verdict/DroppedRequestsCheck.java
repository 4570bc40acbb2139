package io.loadbench.scenarios.verdict;

/**
 * No request was dropped: a full executor queue means the injector could not keep up, so the latency it
 * recorded is no longer the datastore's.
 */
public record DroppedRequestsCheck() implements VerdictCheck {

    @Override
    public CheckOutcome judge(Measurement m) {
        return CheckOutcome.failedIf(m.injector().droppedRequests() > 0, () -> m.injector().droppedRequests()
                + " requests dropped: the executor queue was full, the injector could not keep up");
    }
}
