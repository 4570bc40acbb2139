package io.loadbench.scenarios.verdict;

import java.util.List;

/** What one check found: nothing (passed) or the failures, one line each. */
public record CheckOutcome(List<String> failures) {

    private static final CheckOutcome PASSED = new CheckOutcome(List.of());

    public CheckOutcome {
        failures = List.copyOf(failures);
    }

    /** The outcome of a check that held. */
    public static CheckOutcome ok() {
        return PASSED;
    }

    public static CheckOutcome failed(String failure) {
        return new CheckOutcome(List.of(failure));
    }

    /** Passed unless {@code failed}; the failure's text is only built when it is used. */
    static CheckOutcome failedIf(boolean failed, java.util.function.Supplier<String> failure) {
        return failed ? failed(failure.get()) : PASSED;
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}
