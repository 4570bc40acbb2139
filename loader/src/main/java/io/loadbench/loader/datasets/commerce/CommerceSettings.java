package io.loadbench.loader.datasets.commerce;

import io.loadbench.loader.spi.InvalidOptionException;

import io.loadbench.loader.sink.file.FileFormat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The commerce dataset's own settings (the seed's generator options and the file outputs), validated at
 * construction; invalid values are rejected naming their option. Ranges are inclusive {@code min-max}
 * pairs; a single number is a range of one value. The size follows from the schedule, the seed is the
 * common {@code --seed}.
 *
 * @param days        days of traffic ({@code --days})
 * @param baseTps     transactions per second of the schedule's base ({@code --base-tps})
 * @param peakMultiplier traffic multiplier of the lunch peak; the evening peak scales with it ({@code --peak-multiplier})
 * @param start       the first day's midnight (UTC)
 * @param out         where to also write the transactions as files, or null ({@code --out})
 * @param fileFormats the files written into {@code out}, without repeats ({@code --file-formats})
 * @param gzip        whether those files are gzipped ({@code --gzip})
 */
public record CommerceSettings(int days, int incidentsPerDayMin, int incidentsPerDayMax, double baseTps,
                               double peakMultiplier, double errorRateNormalMinPercent, double errorRateNormalMaxPercent,
                               double errorRateIncidentMinPercent, double errorRateIncidentMaxPercent, Instant start,
                               Path out, List<FileFormat> fileFormats, boolean gzip) {

    /** A fixed first day (a Monday) keeps loads reproducible. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-05T00:00:00Z");

    /** The seed's defaults: a week at 20 TPS, 2-3 incidents a day, 1-2% errors normally and 25-40% in incidents. */
    public static final CommerceSettings DEFAULTS = new CommerceSettings(7, 2, 3, 20, 2.5, 1, 2, 25, 40, DEFAULT_START,
            null, List.of(FileFormat.BULK, FileFormat.CSV), false);

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
        Objects.requireNonNull(start, "start");
        fileFormats = List.copyOf(fileFormats);
        if (fileFormats.stream().distinct().count() != fileFormats.size()) {
            throw new InvalidOptionException("--file-formats", "names a format twice: " + fileFormats);
        }
    }

    /** These settings with another schedule length and base rate. */
    public CommerceSettings withSchedule(int newDays, double newBaseTps) {
        return new CommerceSettings(newDays, incidentsPerDayMin, incidentsPerDayMax, newBaseTps, peakMultiplier,
                errorRateNormalMinPercent, errorRateNormalMaxPercent, errorRateIncidentMinPercent,
                errorRateIncidentMaxPercent, start, out, fileFormats, gzip);
    }

    private static void rate(String option, double min, double max) {
        if (!(min >= 0 && max >= min && max <= 100)) {
            throw new InvalidOptionException(option, "must be PERCENT or MIN-MAX percent with 0 <= MIN <= MAX <= 100, got "
                    + min + "-" + max);
        }
    }

    /** {@code MIN-MAX}, or {@code N} when both are equal, as {@link #range} reads it; whole numbers without a fraction. */
    public static String rangeText(double min, double max) {
        return min == max ? number(min) : number(min) + "-" + number(max);
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
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
