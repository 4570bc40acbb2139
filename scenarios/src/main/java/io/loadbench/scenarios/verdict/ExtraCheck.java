package io.loadbench.scenarios.verdict;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A simulation-specific part of the verdict (e.g. the daily schedule's incident and recovery), computed from
 * the measurement, usually from the run's interval logs in {@link Measurement#hdrDir()}: a section of
 * {@code scenario.json}, named {@code section}, and its failures.
 */
public final class ExtraCheck implements VerdictCheck {

    /** The section written to {@code scenario.json} and the failures (empty when the check held). */
    public record Result(Map<String, Object> report, List<String> failures) {
        public Result {
            failures = List.copyOf(failures);
        }
    }

    private final String section;
    private final Function<Measurement, Result> check;
    private Measurement lastMeasurement;
    private Result lastResult;

    public ExtraCheck(String section, Function<Measurement, Result> check) {
        this.section = section;
        this.check = check;
    }

    /** The key of the check's section in {@code scenario.json}. */
    public String section() {
        return section;
    }

    /** The check's section and failures; computed once per measurement (it may read interval logs). */
    public synchronized Result evaluate(Measurement m) {
        if (m != lastMeasurement) {
            lastResult = check.apply(m);
            lastMeasurement = m;
        }
        return lastResult;
    }

    @Override
    public CheckOutcome judge(Measurement m) {
        return new CheckOutcome(evaluate(m).failures());
    }
}
