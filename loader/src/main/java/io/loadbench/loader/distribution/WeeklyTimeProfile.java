package io.loadbench.loader.distribution;

import io.loadbench.loader.random.RowRandom;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * Timestamps in a window {@code [start, end)} (whole UTC hours) whose density follows hour-of-day weights
 * times a day-of-week factor: "business hours carry 70% of the traffic, weekends 40% of a weekday". Every
 * hour of the window gets weight {@code hourWeight[hourOfDay] × dayFactor[dayOfWeek]}; a sample picks an
 * hour with an alias table, then a uniform microsecond inside it. Hours are UTC.
 */
public final class WeeklyTimeProfile {

    private static final long MICROS_PER_HOUR = 3_600_000_000L;

    private final long startEpochMicros;
    private final long endEpochMicros;
    private final double[] hourOfDayShare;
    private final double[] dayOfWeekFactor;
    private final WeightedChoice<Integer> hours;

    /**
     * @param start           window start, truncated to the hour (UTC)
     * @param end             window end (exclusive), a whole hour after {@code start}
     * @param hourOfDayWeight 24 non-negative weights, index 0 = 00:00-00:59 UTC
     * @param dayOfWeekFactor 7 non-negative factors, index 0 = Monday
     */
    public WeeklyTimeProfile(Instant start, Instant end, double[] hourOfDayWeight, double[] dayOfWeekFactor) {
        if (hourOfDayWeight.length != 24 || dayOfWeekFactor.length != 7) {
            throw new IllegalArgumentException("need 24 hour weights and 7 day factors");
        }
        if (!start.truncatedTo(ChronoUnit.HOURS).equals(start) || !end.truncatedTo(ChronoUnit.HOURS).equals(end)
                || !end.isAfter(start)) {
            throw new IllegalArgumentException("window must be whole UTC hours with end after start: " + start + " " + end);
        }
        this.startEpochMicros = ChronoUnit.MICROS.between(Instant.EPOCH, start);
        this.endEpochMicros = ChronoUnit.MICROS.between(Instant.EPOCH, end);
        double total = Arrays.stream(hourOfDayWeight).sum();
        this.hourOfDayShare = Arrays.stream(hourOfDayWeight).map(w -> w / total).toArray();
        this.dayOfWeekFactor = dayOfWeekFactor.clone();
        int hourCount = (int) ((endEpochMicros - startEpochMicros) / MICROS_PER_HOUR);
        double[] weights = new double[hourCount];
        ZonedDateTime t = start.atZone(ZoneOffset.UTC);
        for (int i = 0; i < hourCount; i++, t = t.plusHours(1)) {
            weights[i] = hourOfDayShare[t.getHour()] * dayOfWeekFactor[t.getDayOfWeek().getValue() - 1];
        }
        this.hours = WeightedChoice.ofWeights(weights);
    }

    /**
     * The events seed's profile: {@code businessShare} of each day's traffic between {@code fromHour} and
     * {@code toHour} (exclusive) UTC, and each Saturday and Sunday carrying {@code weekendFactor} of a
     * weekday's traffic. Within the two parts of the day, traffic follows a smooth daily curve (quiet at
     * night, a lunch dip, an evening tail) normalised so the parts keep their shares exactly.
     */
    public static WeeklyTimeProfile businessHours(Instant start, Instant end, double businessShare, int fromHour,
                                                  int toHour, double weekendFactor) {
        // relative activity per hour (a typical web traffic curve); only the shape within each part matters
        double[] curve = {0.30, 0.20, 0.15, 0.12, 0.12, 0.18, 0.35, 0.60, 0.85, 1.00, 1.05, 1.05,
                0.90, 1.00, 1.05, 1.00, 0.95, 0.90, 0.85, 0.80, 0.75, 0.65, 0.50, 0.40};
        double inside = 0;
        double outside = 0;
        for (int h = 0; h < 24; h++) {
            if (h >= fromHour && h < toHour) {
                inside += curve[h];
            } else {
                outside += curve[h];
            }
        }
        double[] weights = new double[24];
        for (int h = 0; h < 24; h++) {
            weights[h] = (h >= fromHour && h < toHour)
                    ? businessShare * curve[h] / inside
                    : (1 - businessShare) * curve[h] / outside;
        }
        double[] days = new double[7];
        for (DayOfWeek d : DayOfWeek.values()) {
            days[d.getValue() - 1] = (d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY) ? weekendFactor : 1.0;
        }
        return new WeeklyTimeProfile(start, end, weights, days);
    }

    /** A timestamp in microseconds since the epoch, in {@code [start, end)}. */
    public long sampleEpochMicros(RowRandom random) {
        int hour = hours.sampleIndex(random);
        return startEpochMicros + hour * MICROS_PER_HOUR + random.nextLong(MICROS_PER_HOUR);
    }

    public long startEpochMicros() {
        return startEpochMicros;
    }

    public long endEpochMicros() {
        return endEpochMicros;
    }

    /** The normalised share of a day's traffic in UTC hour {@code hourOfDay}. */
    public double hourOfDayShare(int hourOfDay) {
        return hourOfDayShare[hourOfDay];
    }

    /** The factor of a day of week (1.0 for a full weekday). */
    public double dayOfWeekFactor(DayOfWeek day) {
        return dayOfWeekFactor[day.getValue() - 1];
    }
}
