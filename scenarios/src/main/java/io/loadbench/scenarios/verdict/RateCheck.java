package io.loadbench.scenarios.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Open model: the run offered what its schedules made due, counted in arrivals (scheduled users that issued
 * their first request; follow-up requests and failures are not arrivals), within {@code tolerance} below the
 * schedule (0.05 = 5%), over the whole measured window and in every whole interval of it, so that a stall
 * followed by a catch-up burst cannot pass. An interval of Poisson arrivals also allows three standard
 * deviations of its count (√expected): the process's own spread, not the injector's.
 */
public record RateCheck(double tolerance) implements VerdictCheck {

    @Override
    public CheckOutcome judge(Measurement m) {
        if (m.arrivals().isEmpty()) {
            return new CheckOutcome(List.of("no arrival schedule ran: the rate cannot be judged"));
        }
        Measurement.Arrivals arrivals = m.arrivals().get();
        List<String> failures = new ArrayList<>();
        double sec = m.measuredSec();
        if (arrivals.issued() < allowedBelow(arrivals.expected(), arrivals.poisson())) {
            failures.add(String.format(Locale.ROOT,
                    "missed the target rate: %.1f arrivals/s issued, %.1f arrivals/s scheduled (tolerance %.0f%%)",
                    arrivals.issued() / sec, arrivals.expected() / sec, tolerance * 100));
        }
        List<String> short_ = new ArrayList<>();
        for (Measurement.Arrivals.Interval interval : arrivals.intervals()) {
            if (interval.issued() < allowedBelow(interval.expected(), arrivals.poisson())) {
                short_.add(String.format(Locale.ROOT, "%.0f s: %d of %.0f", interval.startMs() / 1000.0, interval.issued(),
                        interval.expected()));
            }
        }
        if (!short_.isEmpty()) {
            failures.add(String.format(Locale.ROOT, "the rate fell short in %d of %d %d-s intervals (arrivals issued of"
                            + " scheduled, by time since the schedule's start: %s)", short_.size(), arrivals.intervals().size(),
                    arrivals.intervalMs() / 1000, String.join(", ", short_.subList(0, Math.min(5, short_.size())))
                            + (short_.size() > 5 ? ", …" : "")));
        }
        return new CheckOutcome(failures);
    }

    /** The fewest arrivals that pass for {@code expected}: the tolerance, and for Poisson arrivals their spread. */
    double allowedBelow(double expected, boolean poisson) {
        double shortfall = expected * tolerance;
        if (poisson) {
            shortfall = Math.max(shortfall, 3 * Math.sqrt(expected));
        }
        // a uniform schedule's count in an interval is its expectation rounded either way
        return expected - shortfall - 1;
    }
}
