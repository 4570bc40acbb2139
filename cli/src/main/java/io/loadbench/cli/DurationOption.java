package io.loadbench.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration as the cli's own options take it: a whole number and a unit, {@code 500ms}, {@code 90s}, {@code 5m},
 * {@code 2h}, the syntax the workloads' duration options use too.
 */
public final class DurationOption {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    private DurationOption() {
    }

    /**
     * Parses {@code text} given to {@code option}.
     *
     * @throws IllegalArgumentException naming the option, when the text is not a duration
     */
    public static Duration parse(String option, String text) {
        Matcher m = DURATION.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(option + ": expected a duration such as 90s, 5m or 2h, got '" + text + "'");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
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
