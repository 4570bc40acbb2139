package io.loadbench.loader.cli;

import io.loadbench.loader.spi.InvalidOptionException;

import java.math.BigDecimal;
import java.util.Locale;

/** Parses row counts as people write them: {@code 1000000}, {@code 1_000_000}, {@code 250K}, {@code 1M}, {@code 1.5M}, {@code 2G}. */
public final class RowCounts {

    private RowCounts() {
    }

    public static long parse(String option, String text) {
        String s = text.strip().replace("_", "").replace(",", "").toUpperCase(Locale.ROOT);
        long multiplier = 1;
        if (s.endsWith("K")) {
            multiplier = 1_000L;
        } else if (s.endsWith("M")) {
            multiplier = 1_000_000L;
        } else if (s.endsWith("G") || s.endsWith("B")) {
            multiplier = 1_000_000_000L;
        }
        if (multiplier != 1) {
            s = s.substring(0, s.length() - 1);
        }
        long value;
        try {
            BigDecimal number = new BigDecimal(s).multiply(BigDecimal.valueOf(multiplier));
            value = number.longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidOptionException(option, "'" + text + "' is not a whole row count (examples: 1000000, 1_000_000, 250K, 1M, 20M)");
        }
        if (value <= 0) {
            throw new InvalidOptionException(option, "must be a positive row count, got '" + text + "'");
        }
        return value;
    }
}
