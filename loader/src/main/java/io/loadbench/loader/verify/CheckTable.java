package io.loadbench.loader.verify;

import io.loadbench.loader.spi.CheckResult;

import java.util.List;
import java.util.Locale;

/** Renders check results as a fixed-width text table (locale-independent numbers). */
public final class CheckTable {

    private CheckTable() {
    }

    public static String render(List<CheckResult> results) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-28s %-26s %12s %12s %10s  %s%n",
                "check", "item", "expected", "actual", "tolerance", "result"));
        for (CheckResult result : results) {
            for (CheckResult.Line line : result.lines()) {
                out.append(String.format(Locale.ROOT, "%-28s %-26s %12s %12s %10s  %s%n",
                        clip(result.check(), 28), clip(line.item(), 26), number(line.expected(), line.unit()),
                        number(line.actual(), line.unit()), "±" + number(line.tolerance(), line.unit()),
                        line.passed() ? "ok" : "MISMATCH"));
            }
        }
        return out.toString();
    }

    private static String number(double value, String unit) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%d%s", (long) value, "%".equals(unit) ? "%" : "");
        }
        return String.format(Locale.ROOT, "%.3f%s", value, "%".equals(unit) ? "%" : "");
    }

    private static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
