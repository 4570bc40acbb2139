package io.loadbench.loader.datasets.events;

import io.loadbench.loader.spi.DatasetOptions;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.SortedMap;
import java.util.TreeMap;

/** The {@code events} dataset's own options. */
public final class EventsOptions implements DatasetOptions {

    @Option(names = "--users", paramLabel = "N",
            description = "Distinct users; 20%% of them create 80%% of the events (default: ${DEFAULT-VALUE}).")
    int users = 10_000;

    @Option(names = "--days", paramLabel = "N",
            description = "Length of the time window in days, ending at --end-date (default: ${DEFAULT-VALUE}).")
    int days = 90;

    @Option(names = "--end-date", paramLabel = "YYYY-MM-DD",
            description = "End of the time window (exclusive, 00:00 UTC); fixed so loads are reproducible "
                    + "(default: ${DEFAULT-VALUE}).")
    LocalDate endDate = LocalDate.of(2026, 10, 1);

    public EventsOptions() {
    }

    public EventsOptions(int users, int days, LocalDate endDate) {
        this.users = users;
        this.days = days;
        this.endDate = endDate;
    }

    public int users() {
        return users;
    }

    public int days() {
        return days;
    }

    public LocalDate endDate() {
        return endDate;
    }

    @Override
    public SortedMap<String, Object> values() {
        SortedMap<String, Object> values = new TreeMap<>();
        values.put("users", users);
        values.put("days", days);
        values.put("endDate", endDate.toString());
        return values;
    }
}
