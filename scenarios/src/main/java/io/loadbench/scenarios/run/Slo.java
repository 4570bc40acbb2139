package io.loadbench.scenarios.run;

import io.loadbench.results.latency.LatencyKind;
import io.loadbench.scenarios.verdict.Measurement;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.HdrHistogram.Histogram;

/**
 * A latency objective read from the HdrHistogram of record (never Gatling's t-digest): the given percentile of
 * one request's (or transaction's) measured latency, failed requests included, must not exceed the limit.
 */
public record Slo(String request, LatencyKind kind, double percentile, Duration limit) {

    /** The verdict on one SLO: the value found (microseconds; empty without a measured request) and whether it held. */
    public record Result(Slo slo, OptionalLong actualUs, boolean passed, String description) {
    }

    public static Slo intended(String request, double percentile, Duration limit) {
        return new Slo(request, LatencyKind.INTENDED, percentile, limit);
    }

    public static Slo service(String request, double percentile, Duration limit) {
        return new Slo(request, LatencyKind.SERVICE, percentile, limit);
    }

    /**
     * Judges the latency of record of the request (or transaction): OK and failed requests together, so that a
     * request that failed after a long wait counts with its wait. One that never ended breaks the objective.
     */
    public Result evaluate(Optional<Measurement.RequestFigures> measured) {
        String what = String.format(Locale.ROOT, "%s %s p%s <= %d ms", request, kind.fileInfix(),
                trim(percentile), limit.toMillis());
        Optional<Histogram> histogram = measured.flatMap(figures -> kind == LatencyKind.INTENDED
                ? figures.intendedWithFailures() : figures.serviceWithFailures());
        if (histogram.isEmpty() || histogram.get().getTotalCount() == 0) {
            return new Result(this, OptionalLong.empty(), false, what + ": no measured request");
        }
        long actualUs = histogram.get().getValueAtPercentile(percentile);
        boolean passed = actualUs <= limit.toNanos() / 1000;
        return new Result(this, OptionalLong.of(actualUs), passed,
                String.format(Locale.ROOT, "%s: %.3f ms (OK and failed requests)", what, actualUs / 1000.0));
    }

    private static String trim(double percentile) {
        String text = String.format(Locale.ROOT, "%s", percentile);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
