package io.loadbench.loader.datasets.commerce;

import io.loadbench.loader.table.Apportionment;
import io.loadbench.loader.distribution.WeightedChoice;
import io.loadbench.loader.random.RowRandom;
import io.loadbench.loader.random.Seeds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * When every commerce transaction happens and what state the system is in at that minute: the daily traffic
 * schedule, the incidents of each day and their recovery periods. Built from the settings alone, so row
 * <i>i</i>'s minute is a binary search over per-minute prefix sums ({@code days × 1440} longs: 80 KB for the
 * default week).
 *
 * <p>The daily schedule is the seed's, as multiples of {@code --base-tps} (20 in the seed):
 * <pre>
 * 00:00-06:00  0.50            (10 TPS)      low traffic
 * 06:00-09:00  0.75 -> 1.50    (15-30 TPS)   morning ramp
 * 09:00-12:00  1.25 -> 2.00    (25-40 TPS)   business hours
 * 12:00-14:00  1.75 -> 2.50    (35-50 TPS)   lunch peak        x peak-multiplier / 2.5
 * 14:00-17:00  1.50 -> 2.25    (30-45 TPS)   afternoon business
 * 17:00-20:00  2.00 -> 3.00    (40-60 TPS)   evening peak      x peak-multiplier / 2.5
 * 20:00-24:00  1.00 -> 0.50    (20-10 TPS)   evening decline
 * </pre>
 * ramping linearly within a segment, with ±5% per-minute noise. The two peak segments scale with
 * {@code --peak-multiplier}, whose default 2.5 reproduces the seed's 50 TPS lunch peak.
 *
 * <p>Incidents: {@code --incidents-per-day} per day (uniform in the range), types weighted most common
 * first, 5-15 minutes long, each followed by a 5-10 minute recovery, never overlapping another incident or
 * recovery, each with an error rate drawn from {@code --error-rate-incident}.
 */
public final class CommerceTimeline {

    /** One incident and the recovery after it, in minutes since the start of the window. */
    public record Incident(String id, IncidentType type, int startMinute, int durationMinutes, int recoveryMinutes,
                           double errorRate, double severity) {

        public int endMinute() {
            return startMinute + durationMinutes;
        }

        public int recoveryEndMinute() {
            return endMinute() + recoveryMinutes;
        }
    }

    static final int MINUTES_PER_DAY = 1440;
    private static final double DEFAULT_PEAK_MULTIPLIER = 2.5;
    // {fromHour, toHour, startMultiplier, endMultiplier, isPeak}
    private static final double[][] SCHEDULE = {
            {0, 6, 0.50, 0.50, 0}, {6, 9, 0.75, 1.50, 0}, {9, 12, 1.25, 2.00, 0}, {12, 14, 1.75, 2.50, 1},
            {14, 17, 1.50, 2.25, 0}, {17, 20, 2.00, 3.00, 1}, {20, 24, 1.00, 0.50, 0}};

    private final long seed;
    private final CommerceSettings settings;
    private final long[] minuteStart;
    private final Incident[] incidentAtMinute;
    private final List<Incident> incidents;

    /** @param seed the root seed: traffic noise and incidents descend from it */
    public CommerceTimeline(long seed, CommerceSettings settings) {
        this.seed = seed;
        this.settings = settings;
        int minutes = settings.days() * MINUTES_PER_DAY;
        double[] weights = new double[minutes];
        RowRandom random = new RowRandom();
        long noiseSeed = Seeds.derive(seed, "commerce/traffic-noise");
        for (int m = 0; m < minutes; m++) {
            random.reset(noiseSeed, m);
            weights[m] = tpsAt(m % MINUTES_PER_DAY) * (0.95 + 0.10 * random.nextDouble());
        }
        // the total follows the schedule alone (noise only moves transactions between minutes), so the size of
        // a load does not depend on its seed
        double expected = 0;
        for (int m = 0; m < minutes; m++) {
            expected += tpsAt(m % MINUTES_PER_DAY) * 60;
        }
        this.minuteStart = Apportionment.prefixSums(Apportionment.split(Math.round(expected), weights));
        this.incidents = List.copyOf(planIncidents(seed, settings));
        this.incidentAtMinute = new Incident[minutes];
        for (Incident incident : incidents) {
            for (int m = incident.startMinute(); m < Math.min(minutes, incident.recoveryEndMinute()); m++) {
                incidentAtMinute[m] = incident;
            }
        }
    }

    /** Transactions per second at minute {@code minuteOfDay} of a day, from the schedule, before noise. */
    public double tpsAt(int minuteOfDay) {
        double hour = minuteOfDay / 60.0;
        for (double[] segment : SCHEDULE) {
            if (hour >= segment[0] && hour < segment[1]) {
                double f = (hour - segment[0]) / (segment[1] - segment[0]);
                double multiplier = segment[2] + f * (segment[3] - segment[2]);
                if (segment[4] == 1) {
                    multiplier *= settings.peakMultiplier() / DEFAULT_PEAK_MULTIPLIER;
                }
                return settings.baseTps() * multiplier;
            }
        }
        throw new IllegalArgumentException("minute of day out of range: " + minuteOfDay);
    }

    public long seed() {
        return seed;
    }

    private static List<Incident> planIncidents(long rootSeed, CommerceSettings settings) {
        WeightedChoice<IncidentType> types = WeightedChoice.of(Arrays.asList(IncidentType.values()),
                Arrays.stream(IncidentType.values()).mapToDouble(IncidentType::weight).toArray());
        long seed = Seeds.derive(rootSeed, "commerce/incidents");
        RowRandom random = new RowRandom();
        List<Incident> all = new ArrayList<>();
        for (int day = 0; day < settings.days(); day++) {
            random.reset(seed, day);
            int count = settings.incidentsPerDayMin()
                    + random.nextInt(settings.incidentsPerDayMax() - settings.incidentsPerDayMin() + 1);
            List<Incident> today = new ArrayList<>();
            for (int k = 0, attempts = 0; k < count && attempts < 1_000; attempts++) {
                IncidentType type = types.sample(random);
                int duration = 5 + random.nextInt(11);
                int recovery = 5 + random.nextInt(6);
                int start = day * MINUTES_PER_DAY + random.nextInt(MINUTES_PER_DAY - duration - recovery);
                double errorRate = (settings.errorRateIncidentMinPercent() + random.nextDouble()
                        * (settings.errorRateIncidentMaxPercent() - settings.errorRateIncidentMinPercent())) / 100;
                double severity = random.nextDouble();
                boolean overlaps = false;
                for (Incident other : today) {
                    overlaps |= start < other.recoveryEndMinute() && other.startMinute() < start + duration + recovery;
                }
                if (!overlaps) {
                    today.add(new Incident(null, type, start, duration, recovery, errorRate, severity));
                    k++;
                }
            }
            today.sort((a, b) -> Integer.compare(a.startMinute(), b.startMinute()));
            for (int k = 0; k < today.size(); k++) {
                Incident i = today.get(k);
                String id = String.format(java.util.Locale.ROOT, "inc-%s-%d",
                        settings.start().plusSeconds(86_400L * day).toString().substring(0, 10).replace("-", ""), k + 1);
                all.add(new Incident(id, i.type(), i.startMinute(), i.durationMinutes(), i.recoveryMinutes(), i.errorRate(),
                        i.severity()));
            }
        }
        return Collections.unmodifiableList(all);
    }

    public CommerceSettings settings() {
        return settings;
    }

    /** Every incident, in time order. */
    public List<Incident> incidents() {
        return incidents;
    }

    /** Transactions in the whole window. */
    public long transactions() {
        return minuteStart[minuteStart.length - 1];
    }

    /** The minute (since the window start) of transaction {@code index}. */
    public int minuteOf(long index) {
        return Apportionment.blockOf(minuteStart, index);
    }

    public long firstTransactionOf(int minute) {
        return minuteStart[minute];
    }

    public long transactionsIn(int minute) {
        return minuteStart[minute + 1] - minuteStart[minute];
    }

    /** The incident whose incident or recovery period covers {@code minute}, or null in normal operation. */
    public Incident incidentAt(int minute) {
        return incidentAtMinute[minute];
    }
}
