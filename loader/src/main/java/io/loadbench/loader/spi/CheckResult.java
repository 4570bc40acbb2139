package io.loadbench.loader.spi;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a {@link Check}: one line per measured quantity, each with its target and tolerance.
 *
 * @param check the check's name
 * @param lines what was measured; the check passes when every line is within tolerance
 */
public record CheckResult(String check, List<Line> lines) {

    public CheckResult {
        Objects.requireNonNull(check, "check");
        lines = List.copyOf(lines);
    }

    public boolean passed() {
        return lines.stream().allMatch(Line::passed);
    }

    /**
     * One measured quantity.
     *
     * @param item      what was measured, e.g. {@code page_view} or {@code rows}
     * @param expected  the target value
     * @param actual    the measured value
     * @param tolerance the largest accepted {@code |actual - expected|}
     * @param unit      unit of the three numbers, e.g. {@code %}, {@code rows}, {@code ratio}
     */
    public record Line(String item, double expected, double actual, double tolerance, String unit) {

        public boolean passed() {
            return Math.abs(actual - expected) <= tolerance;
        }
    }
}
