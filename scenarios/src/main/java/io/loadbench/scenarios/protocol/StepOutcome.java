package io.loadbench.scenarios.protocol;

/**
 * One request of a sequence run on one held connection ({@link ConnectionWork}), and how it ended: recorded and
 * reported under its own name, as any request is.
 */
public record StepOutcome(String requestName, Outcome<?> outcome) {

    public boolean succeeded() {
        return outcome.succeeded();
    }
}
