package io.loadbench.loader.datasets.commerce;

import io.loadbench.loader.table.SqlCheck;
import io.loadbench.loader.spi.Check;

import java.util.List;

import static io.loadbench.loader.datasets.commerce.CommerceDataset.TRANSACTIONS;

/**
 * Verification of a commerce load, in SQL: the rows of each period (normal, incident, recovery) and of the
 * evening peak equal what the timeline planned (exactly: traffic per minute is planned, not sampled), every
 * incident is present, response times respect the seed's ranges (200-800 ms normal, 5,000-35,000 ms during
 * incidents), error rates match their targets, and status, HTTP status and error fields agree.
 */
final class CommerceChecks {

    private CommerceChecks() {
    }

    static List<Check> all(CommerceDataset dataset, CommerceSettings settings, CommerceTimeline timeline) {
        long normal = 0;
        long incident = 0;
        long recovery = 0;
        long evening = 0;
        double normalErrors = 0;
        double incidentErrors = 0;
        CommerceDataset.TransactionGenerator rates = new CommerceDataset.TransactionGenerator(settings, timeline);
        int minutes = settings.days() * CommerceTimeline.MINUTES_PER_DAY;
        for (int m = 0; m < minutes; m++) {
            long n = timeline.transactionsIn(m);
            CommerceTimeline.Incident i = timeline.incidentAt(m);
            if (i == null) {
                normal += n;
                normalErrors += n * rates.normalErrorRate(m);
            } else if (m < i.endMinute()) {
                incident += n;
                incidentErrors += n * i.errorRate();
            } else {
                recovery += n;
            }
            int minuteOfDay = m % CommerceTimeline.MINUTES_PER_DAY;
            if (minuteOfDay >= 17 * 60 && minuteOfDay < 20 * 60) {
                evening += n;
            }
        }
        String t = TRANSACTIONS;
        List<SqlCheck.Probe> shape = List.of(
                new SqlCheck.Probe("normal-period transactions", "SELECT count(*) FROM " + t + " WHERE period = 'normal'", normal, 0, "rows"),
                new SqlCheck.Probe("incident-period transactions", "SELECT count(*) FROM " + t + " WHERE period = 'incident'", incident, 0, "rows"),
                new SqlCheck.Probe("recovery-period transactions", "SELECT count(*) FROM " + t + " WHERE period = 'recovery'", recovery, 0, "rows"),
                new SqlCheck.Probe("evening-peak (17:00-20:00 UTC) transactions",
                        "SELECT count(*) FROM " + t + " WHERE extract(hour FROM event_time AT TIME ZONE 'UTC') BETWEEN 17 AND 19",
                        evening, 0, "rows"),
                new SqlCheck.Probe("incidents", "SELECT count(DISTINCT incident_id) FROM " + t, timeline.incidents().size(), 0, "incidents"));
        List<SqlCheck.Probe> ranges = List.of(
                SqlCheck.Probe.zero("normal transactions outside 200-800 ms",
                        "SELECT count(*) FROM " + t + " WHERE period = 'normal' AND response_time_ms NOT BETWEEN 200 AND 800"),
                SqlCheck.Probe.zero("incident transactions outside 5000-35000 ms",
                        "SELECT count(*) FROM " + t + " WHERE period = 'incident' AND response_time_ms NOT BETWEEN 5000 AND 35000"),
                SqlCheck.Probe.zero("errors with a success HTTP status or no error type",
                        "SELECT count(*) FROM " + t + " WHERE status = 'error' AND (http_status < 400 OR error_type IS NULL)"),
                SqlCheck.Probe.zero("successes carrying an error",
                        "SELECT count(*) FROM " + t + " WHERE status = 'success' AND (http_status >= 400 OR error_type IS NOT NULL)"));
        double normalPercent = 100 * normalErrors / Math.max(1, normal);
        double incidentPercent = 100 * incidentErrors / Math.max(1, incident);
        List<SqlCheck.Probe> errors = List.of(
                SqlCheck.sharePercent("error rate in normal operation (--error-rate-normal)", t + " WHERE period = 'normal'",
                        "status = 'error'", normalPercent, tolerance(normalPercent / 100, normal)),
                SqlCheck.sharePercent("error rate during incidents (--error-rate-incident)", t + " WHERE period = 'incident'",
                        "status = 'error'", incidentPercent, tolerance(incidentPercent / 100, incident)));
        return List.of(new SqlCheck("commerce timeline", shape), new SqlCheck("commerce value ranges", ranges),
                new SqlCheck("commerce error rates", errors));
    }

    private static double tolerance(double p, long n) {
        return 100 * 5 * Math.sqrt(p * (1 - p) / Math.max(1, n)) + 0.05;
    }
}
