package io.loadbench.cli;

import io.loadbench.scenarios.run.SimulationOptions;
import java.time.Duration;

/**
 * A duration as the cli's own options take it: a whole number and a unit, {@code 500ms}, {@code 90s}, {@code 5m},
 * {@code 2h}, the syntax the workloads' duration options use too.
 */
public final class DurationOption {

    private DurationOption() {
    }

    /**
     * Parses {@code text} given to {@code option}.
     *
     * @throws IllegalArgumentException naming the option, when the text is not a duration
     */
    public static Duration parse(String option, String text) {
        return SimulationOptions.parseDuration(text == null ? "" : text).orElseThrow(() -> new IllegalArgumentException(
                option + ": expected a duration such as 90s, 5m or 2h, got '" + text + "'"));
    }

    /** As {@link #parse}, refusing zero. */
    public static Duration positive(String option, String text) {
        Duration value = parse(option, text);
        if (value.isZero()) {
            throw new IllegalArgumentException(option + ": must be longer than zero, got '" + text + "'");
        }
        return value;
    }
}
