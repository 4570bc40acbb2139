package io.loadbench.report.text;

import java.util.Locale;

/** Number formatting that reads the same on every machine (never the default locale). */
public final class Numbers {

    private Numbers() {
    }

    /** A measured value with about four significant digits: {@code 12,346}, {@code 123.5}, {@code 1.235}, {@code 0.01235}. */
    public static String value(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        double magnitude = Math.abs(value);
        if (magnitude == 0) {
            return "0";
        }
        if (magnitude >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        if (magnitude >= 1) {
            return String.format(Locale.ROOT, "%.3f", value);
        }
        if (magnitude >= 0.001) {
            return String.format(Locale.ROOT, "%.4f", value);
        }
        return String.format(Locale.ROOT, "%.3e", value);
    }

    public static String value(Double value) {
        return value == null ? "-" : value(value.doubleValue());
    }

    /** A count with thousands separators. */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    public static String count(Long value) {
        return value == null ? "-" : count(value.longValue());
    }

    /** A latency recorded in microseconds, shown in milliseconds with microsecond precision. */
    public static String millisFromMicros(long micros) {
        return String.format(Locale.ROOT, "%,.3f", micros / 1000.0);
    }

    /** {@code value / base} as {@code 1.23x}; {@code -} when either is unknown or the base is zero. */
    public static String ratio(Double value, Double base) {
        if (value == null || base == null || base == 0 || Double.isNaN(value) || Double.isNaN(base)) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2fx", value / base);
    }

    /** A ratio between 0 and 1 as a percentage with two decimals. */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    /** A score with its error: {@code 1,234 ± 56}; the error is omitted when JMH could not compute it. */
    public static String withError(double score, double error) {
        if (Double.isNaN(error) || Double.isInfinite(error)) {
            return value(score) + " ± ?";
        }
        return value(score) + " ± " + value(error);
    }

    /** A plain number for machine-read places (JSON in the HTML page): shortest exact form, never a comma. */
    public static String plain(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "null";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
