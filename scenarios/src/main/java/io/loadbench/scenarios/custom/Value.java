package io.loadbench.scenarios.custom;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A script variable's value, pgbench's two numeric types: a 64-bit integer or a double. Arithmetic on two integers is
 * integer arithmetic (overflow is an error); a double on either side makes it double. As a bind parameter a value is
 * its text, as pgbench sends it: an integer in decimal, a double with 15 significant digits as C's {@code %.15g}
 * writes it ({@code 0.333333333333333}, {@code 1e+21}).
 */
public sealed interface Value {

    /** The value as an integer: a double is rounded half to even (C's {@code rint}), as pgbench's {@code int()}. */
    long asInt();

    double asDouble();

    /** The text a bind parameter (or {@code \sleep}) gets. */
    String text();

    static Value of(long value) {
        return new IntValue(value);
    }

    static Value of(double value) {
        return new DoubleValue(value);
    }

    /** An integer. */
    record IntValue(long value) implements Value {

        @Override
        public long asInt() {
            return value;
        }

        @Override
        public double asDouble() {
            return value;
        }

        @Override
        public String text() {
            return Long.toString(value);
        }
    }

    /** A double. */
    record DoubleValue(double value) implements Value {

        /** 2^63 as a double: the first double that no longer fits a long. */
        private static final double TWO_TO_63 = 0x1p63;

        @Override
        public long asInt() {
            double rounded = Math.rint(value);
            if (Double.isNaN(rounded) || rounded < -TWO_TO_63 || rounded >= TWO_TO_63) {
                throw new EvaluationException("double to int overflow for " + text());
            }
            return (long) rounded;
        }

        @Override
        public double asDouble() {
            return value;
        }

        @Override
        public String text() {
            return formatG15(value);
        }
    }

    /** C's {@code printf("%.15g", value)} (DBL_DIG digits), which is how pgbench turns a double into text. */
    static String formatG15(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        // exact decimal expansion of the double, rounded half to even as glibc rounds it
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(15, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= 15) {
            BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
            String digits = Math.abs(exponent) < 10 ? "0" + Math.abs(exponent) : Integer.toString(Math.abs(exponent));
            return mantissa.toPlainString() + "e" + (exponent < 0 ? "-" : "+") + digits;
        }
        return rounded.stripTrailingZeros().toPlainString();
    }
}
