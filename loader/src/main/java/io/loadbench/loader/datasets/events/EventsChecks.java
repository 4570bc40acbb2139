package io.loadbench.loader.datasets.events;

import io.loadbench.loader.spi.Check;
import io.loadbench.loader.verify.ShareCheck;
import io.loadbench.loader.verify.ValueCheck;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The events seed's distributions, measured in SQL on the loaded table and compared with their targets.
 * Tolerances: shares within max(1 point, 4 standard errors); for values drawn once per session (country,
 * device) the standard error uses the number of sessions (rows / 6, a conservative session count, since the
 * mean session has about 4.5 events). Hours are UTC.
 */
final class EventsChecks {

    /** Rows per session used to size sampling error for per-session values (mean is about 4.5; 6 is conservative). */
    private static final double ROWS_PER_SESSION = 6.0;

    private EventsChecks() {
    }

    static List<Check> all(EventsDataset d) {
        double rows = d.rows();
        double sessions = rows / ROWS_PER_SESSION;
        List<Check> checks = new ArrayList<>();
        checks.add(new ShareCheck("event_type share",
                "SELECT event_type, count(*) FROM events GROUP BY 1", EventsVocabulary.EVENT_TYPES, 1.0, rows));
        checks.add(new ShareCheck("country share",
                "SELECT country_code, count(*) FROM events GROUP BY 1", EventsVocabulary.COUNTRIES, 1.0, sessions));
        checks.add(new ShareCheck("device share",
                "SELECT device_type, count(*) FROM events GROUP BY 1", EventsVocabulary.DEVICES, 1.0, sessions));
        checks.add(new ValueCheck("business hours share", "09:00-17:00 UTC",
                "SELECT 100.0 * count(*) FILTER (WHERE extract(hour FROM event_time AT TIME ZONE 'UTC') BETWEEN 9 AND 16)"
                        + " / count(*) FROM events",
                70.0, Math.max(2.0, 4 * 100 * Math.sqrt(0.21 / sessions)), "%"));
        String windowStart = d.windowStart() + " 00:00:00+00";
        String windowEnd = d.windowEnd() + " 00:00:00+00";
        checks.add(new ValueCheck("weekend/weekday ratio", "events per weekend day / weekday",
                "WITH days AS (SELECT day::date AS day, extract(isodow FROM day) >= 6 AS weekend"
                        + " FROM generate_series(timestamp '" + d.windowStart() + "', timestamp '" + d.windowEnd().minusDays(1)
                        + "', interval '1 day') AS day),"
                        + " counts AS (SELECT (event_time AT TIME ZONE 'UTC')::date AS day, count(*) AS n FROM events GROUP BY 1)"
                        + " SELECT avg(coalesce(n, 0)) FILTER (WHERE weekend) / nullif(avg(coalesce(n, 0)) FILTER (WHERE NOT weekend), 0)"
                        + " FROM days LEFT JOIN counts USING (day)",
                0.40, Math.max(0.03, 0.40 * 4 * Math.sqrt(2.0 / Math.max(1, sessions * 2 / 7))), "ratio"));
        // the design: the 20% of users built to be heavy create 80% of the events (measured on exactly those ids)
        checks.add(new HeavyUsersShareCheck(d.userIds.idsOfTopRanks(d.userRanks.topCount()), 80.0,
                Math.max(1.5, 4 * 100 * Math.sqrt(0.16 / sessions))));
        // what the seed's "top users" query sees: the most active 20% by observed count. Sampling noise lifts it
        // above 80% when users have few sessions each, so its tolerance widens with users per session.
        checks.add(new ValueCheck("pareto 80/20", "share of top 20% by count",
                "WITH per_user AS (SELECT count(*) AS n FROM events GROUP BY user_id),"
                        + " ranked AS (SELECT n, row_number() OVER (ORDER BY n DESC) AS rank FROM per_user)"
                        + " SELECT 100.0 * sum(n) FILTER (WHERE rank <= " + d.userRanks.topCount() + ") / sum(n) FROM ranked",
                80.0, Math.max(3.0, 50.0 * d.users() / sessions), "%"));
        checks.add(ValueCheck.zero("rows outside the window", "rows",
                "SELECT count(*) FROM events WHERE event_time < '" + windowStart + "' OR event_time >= '" + windowEnd + "'"));
        checks.add(ValueCheck.zero("default partition empty", "rows", "SELECT count(*) FROM events_default"));
        // every month partition of the window holds rows (a partition left empty means the time spread is wrong);
        // only asked when there are enough rows that an empty month cannot be chance
        StringJoiner partitions = new StringJoiner(", ");
        d.partitionMonths().forEach(m -> partitions.add("('" + EventsDataset.partitionName(m) + "')"));
        if (rows >= 1_000.0 * d.partitionMonths().size()) {
            checks.add(ValueCheck.zero("month partitions populated", "empty month partitions",
                    "SELECT count(*) FROM (VALUES " + partitions + ") AS p(name) LEFT JOIN (SELECT tableoid::regclass::text AS name,"
                            + " count(*) AS n FROM events GROUP BY 1) AS a USING (name) WHERE coalesce(a.n, 0) = 0"));
        }
        checks.add(ValueCheck.zero("cities match countries", "rows with a foreign city",
                "SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM (VALUES " + cityPairs()
                        + ") AS c(country_code, city) WHERE c.country_code = e.country_code AND c.city = e.city)"));
        checks.add(ValueCheck.zero("sessions are consistent", "sessions with 2 users/devices/places",
                "SELECT count(*) FROM (SELECT session_id FROM events GROUP BY session_id HAVING count(DISTINCT user_id) > 1"
                        + " OR count(DISTINCT device_type) > 1 OR count(DISTINCT city) > 1) AS s"));
        checks.add(new ValueCheck("users", "distinct users <= --users", "SELECT greatest(0, count(DISTINCT user_id) - "
                + d.users() + ") FROM events", 0, 0, "users"));
        return checks;
    }

    private static String cityPairs() {
        StringJoiner values = new StringJoiner(", ");
        List<String> countries = new ArrayList<>(EventsVocabulary.COUNTRIES.keySet());
        for (int c = 0; c < countries.size(); c++) {
            for (String city : EventsVocabulary.CITIES.get(c)) {
                values.add("('" + countries.get(c) + "', '" + city.replace("'", "''") + "')");
            }
        }
        return values.toString();
    }

}
