package io.loadbench.scenarios.live;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * The one-line progress of a run, from one {@link LiveSample}: plain text, locale-independent, no terminal control
 * characters (CI logs keep it as it is). For example:
 *
 * <pre>
 * cache-queries 0:12/1:00, 48 s left, warm-up | arrivals 199/s of 200/s | 251 req/s | p50 1.21 ms, p99 8.40 ms | failures 3 (+1) | drops 0 | lag p99 0.31 ms | in flight 3
 * </pre>
 *
 * Arrivals appear with an open model, {@code users A of T} with a closed one; percentiles are the interval's,
 * {@code -} when nothing completed in it.
 */
final class ProgressLine {

    private ProgressLine() {
    }

    static String format(String simulation, LiveSample sample) {
        StringBuilder line = new StringBuilder(simulation).append(' ');
        if (!sample.started()) {
            line.append("waiting for the first arrival");
        } else {
            line.append(clock(sample.elapsedSec()));
            if (sample.plannedSec() > 0) {
                line.append('/').append(clock(sample.plannedSec())).append(", ");
                line.append(sample.remainingSec() > 0 ? Math.round(Math.ceil(sample.remainingSec())) + " s left" : "draining");
            }
        }
        if (sample.warmup()) {
            line.append(", warm-up");
        }
        sample.targetArrivalsPerSec().ifPresent(target -> line.append(" | arrivals ").append(rate(sample.arrivalsPerSec()))
                .append("/s of ").append(rate(target)).append("/s"));
        line.append(" | ").append(rate(sample.requestsPerSec())).append(" req/s");
        line.append(" | p50 ").append(latency(sample.intendedP50Us())).append(", p99 ").append(latency(sample.intendedP99Us()));
        line.append(" | failures ").append(sample.failures());
        if (sample.failuresInInterval() > 0) {
            line.append(" (+").append(sample.failuresInInterval()).append(')');
        }
        line.append(" | drops ").append(sample.drops());
        if (sample.dropsInInterval() > 0) {
            line.append(" (+").append(sample.dropsInInterval()).append(')');
        }
        line.append(" | lag p99 ").append(latency(sample.lagP99Us()));
        if (sample.targetUsers() > 0) {
            line.append(" | users ").append(sample.activeUsers()).append(" of ").append(sample.targetUsers());
        }
        line.append(" | in flight ").append(sample.inFlight());
        return line.toString();
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour. */
    static String clock(double seconds) {
        long total = (long) Math.floor(seconds);
        long hours = total / 3600;
        long minutes = total % 3600 / 60;
        long secs = total % 60;
        return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, secs)
                : String.format(Locale.ROOT, "%d:%02d", minutes, secs);
    }

    /** A rate: whole numbers from 100 on, one decimal below (a smoke run's 2/s is not 0 or 2.000). */
    static String rate(double perSec) {
        return perSec >= 100 ? String.format(Locale.ROOT, "%.0f", perSec) : String.format(Locale.ROOT, "%.1f", perSec);
    }

    /** A latency in microseconds as ms with three significant digits, or s from ten seconds on; {@code -} when empty. */
    static String latency(OptionalLong micros) {
        if (micros.isEmpty()) {
            return "-";
        }
        double ms = micros.getAsLong() / 1000.0;
        if (ms < 10) {
            return String.format(Locale.ROOT, "%.2f ms", ms);
        }
        if (ms < 100) {
            return String.format(Locale.ROOT, "%.1f ms", ms);
        }
        if (ms < 10_000) {
            return String.format(Locale.ROOT, "%.0f ms", ms);
        }
        return String.format(Locale.ROOT, "%.1f s", ms / 1000);
    }
}
