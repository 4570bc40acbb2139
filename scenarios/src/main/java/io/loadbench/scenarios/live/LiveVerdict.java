package io.loadbench.scenarios.live;

import java.util.List;

/**
 * How the run ended, as its manifest says: {@code status} OK, NOISY or FAILED, and the failures the verdict found
 * (empty when OK).
 */
public record LiveVerdict(String status, List<String> failures) {

    public LiveVerdict {
        failures = List.copyOf(failures);
    }
}
