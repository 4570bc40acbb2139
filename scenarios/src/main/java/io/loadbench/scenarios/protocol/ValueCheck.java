package io.loadbench.scenarios.protocol;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A check that extracts one value from a reply, validates it and optionally saves it: the shape of every
 * built-in check ({@code rowCount()}, {@code column(..)}, {@code updateCount()}, {@code reply()},
 * {@code hit()}). Immutable: every method returns a new check.
 *
 * <p>Numbers compare by value ({@code is(1)} accepts a {@code Long} 1 or a {@code BigDecimal} 1.0); a
 * {@code String} expectation compares with the value's string form.
 */
public final class ValueCheck<R> implements DatastoreCheck<R> {

    private record Validation(String description, Predicate<Object> accepts) {
    }

    private final String what;
    private final Function<R, Object> extractor;
    private final List<Validation> validations;
    private final String saveAs;

    ValueCheck(String what, Function<R, Object> extractor) {
        this(what, extractor, List.of(), null);
    }

    private ValueCheck(String what, Function<R, Object> extractor, List<Validation> validations, String saveAs) {
        this.what = what;
        this.extractor = extractor;
        this.validations = validations;
        this.saveAs = saveAs;
    }

    /** Passes when the value equals {@code expected}. */
    public ValueCheck<R> is(Object expected) {
        return validate("is " + expected, actual -> sameValue(expected, actual));
    }

    /** Passes when the value is not null (for Redis: a hit). */
    public ValueCheck<R> notNull() {
        return validate("is not null", Objects::nonNull);
    }

    /** Passes when the value is null (for Redis: a miss). */
    public ValueCheck<R> isNull() {
        return validate("is null", Objects::isNull);
    }

    /** Passes when the value is a number at least {@code min}. */
    public ValueCheck<R> gte(long min) {
        return validate(">= " + min, actual -> actual instanceof Number n && compare(n, min) >= 0);
    }

    /** Passes when the value is a number at most {@code max}. */
    public ValueCheck<R> lte(long max) {
        return validate("<= " + max, actual -> actual instanceof Number n && compare(n, max) <= 0);
    }

    /** Passes when the value is a number in {@code [min, max]}. */
    public ValueCheck<R> between(long min, long max) {
        return validate("in [" + min + ", " + max + "]",
                actual -> actual instanceof Number n && compare(n, min) >= 0 && compare(n, max) <= 0);
    }

    /** Passes when {@code predicate} accepts the value; {@code description} appears in the failure message. */
    public ValueCheck<R> validate(String description, Predicate<Object> predicate) {
        List<Validation> more = new ArrayList<>(validations);
        more.add(new Validation(description, predicate));
        return new ValueCheck<>(what, extractor, List.copyOf(more), saveAs);
    }

    /** Saves the value into the session under {@code key} (a null value removes the attribute). */
    public ValueCheck<R> saveAs(String key) {
        Objects.requireNonNull(key, "saveAs key");
        return new ValueCheck<>(what, extractor, validations, key);
    }

    @Override
    public CheckResult check(R reply) {
        Object actual;
        try {
            actual = extractor.apply(reply);
        } catch (RuntimeException e) {
            return CheckResult.failed(what + ": " + e.getMessage());
        }
        for (Validation validation : validations) {
            if (!validation.accepts().test(actual)) {
                return CheckResult.failed(what + " " + validation.description() + " failed, found " + actual);
            }
        }
        return saveAs == null ? CheckResult.passed() : CheckResult.saving(saveAs, actual);
    }

    private static boolean sameValue(Object expected, Object actual) {
        if (expected == null || actual == null) {
            return expected == actual;
        }
        if (expected instanceof Number e && actual instanceof Number a) {
            return new BigDecimal(e.toString()).compareTo(new BigDecimal(a.toString())) == 0;
        }
        if (expected instanceof String) {
            return expected.equals(actual.toString());
        }
        return expected.equals(actual);
    }

    private static int compare(Number actual, long bound) {
        return new BigDecimal(actual.toString()).compareTo(BigDecimal.valueOf(bound));
    }
}
