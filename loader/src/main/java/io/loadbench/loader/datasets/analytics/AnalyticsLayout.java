package io.loadbench.loader.datasets.analytics;

import io.loadbench.loader.distribution.WeeklyTimeProfile;
import io.loadbench.loader.table.Apportionment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Where every analytics event lives, computed from the settings alone: how many events each organisation
 * has, and within an organisation how many of each type fall in each hourly bucket (a <i>cell</i>).
 *
 * <p>Events are laid out organisation by organisation, then type by type, then hour by hour, each block's
 * size fixed by exact apportionment ({@link Apportionment}): organisations by a Zipf-like activity weight
 * (organisation 1 is the busiest tenant, weight {@code 1/rank}), types by the seed's 60/28/10/1.5/0.5 mix,
 * hours by a business-day curve. Row <i>i</i> is located by two binary searches over prefix sums, so the
 * layout costs {@code O(orgs + 5 × buckets)} memory whatever the number of events, and the Redis
 * counters equal the per-cell sizes without reading the events back.
 */
public final class AnalyticsLayout {

    private final long seed;
    private final long events;
    private final AnalyticsSettings settings;
    private final long[] orgStart;
    private final double[] typeWeights;
    private final double[] hourWeights;

    /**
     * @param seed   the root seed (the layout itself is deterministic; the Redis writer and check derive
     *               their cache-warming choice from it)
     * @param events the number of events ({@code --rows})
     */
    public AnalyticsLayout(long seed, long events, AnalyticsSettings settings) {
        this.seed = seed;
        this.events = events;
        this.settings = settings;
        double[] orgWeights = new double[settings.orgs()];
        for (int r = 0; r < orgWeights.length; r++) {
            orgWeights[r] = 1.0 / (r + 1);
        }
        this.orgStart = Apportionment.prefixSums(Apportionment.split(events, orgWeights));
        EventType[] types = EventType.all();
        this.typeWeights = new double[types.length];
        for (int t = 0; t < types.length; t++) {
            typeWeights[t] = types[t].sharePercent();
        }
        Instant start = settings.windowStart();
        // business hours 09:00-17:00 UTC carry 60% of a day; days of week do not matter inside one window
        WeeklyTimeProfile profile = WeeklyTimeProfile.businessHours(start, start.plus(1, ChronoUnit.DAYS),
                0.6, 9, 17, 1.0);
        int startHour = start.atZone(java.time.ZoneOffset.UTC).getHour();
        this.hourWeights = new double[settings.timeBuckets()];
        for (int b = 0; b < hourWeights.length; b++) {
            hourWeights[b] = profile.hourOfDayShare((startHour + b) % 24);
        }
    }

    public AnalyticsSettings settings() {
        return settings;
    }

    public long seed() {
        return seed;
    }

    /** Events in the {@code analytics_events} table. */
    public long events() {
        return events;
    }

    /** Index of the first event of organisation {@code org} (0-based); {@code org == orgs} gives the total. */
    public long firstEventOf(int org) {
        return orgStart[org];
    }

    /** Events of organisation {@code org} (0-based). */
    public long eventsOf(int org) {
        return orgStart[org + 1] - orgStart[org];
    }

    /** The organisation (0-based) holding event {@code eventIndex}. */
    public int orgOf(long eventIndex) {
        return Apportionment.blockOf(orgStart, eventIndex);
    }

    /**
     * The cells of one organisation: {@code counts[type][bucket]} events. A fresh array each call; generators
     * cache the organisation they are in.
     */
    public long[][] cellsOf(int org) {
        long[] perType = Apportionment.split(eventsOf(org), typeWeights);
        long[][] counts = new long[perType.length][];
        for (int t = 0; t < perType.length; t++) {
            counts[t] = perType[t] == 0 ? new long[hourWeights.length] : Apportionment.split(perType[t], hourWeights);
        }
        return counts;
    }

    /** The expected share of each type over all events, in percent (what verify compares with). */
    public double expectedSharePercent(EventType type) {
        return type.sharePercent();
    }
}
