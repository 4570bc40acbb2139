package io.loadbench.loader.datasets.commerce;

import io.loadbench.loader.spi.InvalidOptionException;

import java.time.Instant;

/**
 * The validated configuration of one commerce load (the seed's generator options). Ranges are inclusive
 * {@code min-max} pairs; a single number is a range of one value.
 */
public record CommerceSettings(long seed, int days, int incidentsPerDayMin, int incidentsPerDayMax, double baseTps,
                               double peakMultiplier, double errorRateNormalMinPercent, double errorRateNormalMaxPercent,
                               double errorRateIncidentMinPercent, double errorRateIncidentMaxPercent, Instant start) {

    /** A fixed first day (a Monday) keeps loads reproducible. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-05T00:00:00Z");

    public CommerceSettings {
        if (days < 1 || days > 366) {
            throw new InvalidOptionException("--days", "must be 1-366, got " + days);
        }
        if (incidentsPerDayMin < 0 || incidentsPerDayMax < incidentsPerDayMin || incidentsPerDayMax > 20) {
            throw new InvalidOptionException("--incidents-per-day", "must be N or MIN-MAX with 0 <= MIN <= MAX <= 20, got "
                    + incidentsPerDayMin + "-" + incidentsPerDayMax);
        }
        if (!(baseTps > 0 && baseTps <= 100_000)) {
            throw new InvalidOptionException("--base-tps", "must be in (0, 100000], got " + baseTps);
        }
        if (!(peakMultiplier >= 1 && peakMultiplier <= 100)) {
            throw new InvalidOptionException("--peak-multiplier", "must be 1-100, got " + peakMultiplier);
        }
        rate("--error-rate-normal", errorRateNormalMinPercent, errorRateNormalMaxPercent);
        rate("--error-rate-incident", errorRateIncidentMinPercent, errorRateIncidentMaxPercent);
    }

    private static void rate(String option, double min, double max) {
        if (!(min >= 0 && max >= min && max <= 100)) {
            throw new InvalidOptionException(option, "must be PERCENT or MIN-MAX percent with 0 <= MIN <= MAX <= 100, got "
                    + min + "-" + max);
        }
    }

    /** Parses {@code N} or {@code MIN-MAX} for the option named; returns {min, max}. */
    public static double[] range(String option, String value) {
        String v = value.trim();
        int dash = v.indexOf('-', 1);
        try {
            if (dash < 0) {
                double single = Double.parseDouble(v);
                return new double[]{single, single};
            }
            return new double[]{Double.parseDouble(v.substring(0, dash).trim()), Double.parseDouble(v.substring(dash + 1).trim())};
        } catch (NumberFormatException e) {
            throw new InvalidOptionException(option, "expected a number or MIN-MAX, got '" + value + "'");
        }
    }
}
