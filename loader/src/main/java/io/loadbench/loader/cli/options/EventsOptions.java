package io.loadbench.loader.cli.options;

import io.loadbench.loader.datasets.events.EventsSettings;
import picocli.CommandLine.Option;

import java.time.LocalDate;

/** The {@code events} dataset's own options, mapped onto {@link EventsSettings}. */
final class EventsOptions implements DatasetOptions<EventsSettings> {

    @Option(names = "--users", paramLabel = "N",
            description = "Distinct users; 20%% of them create 80%% of the events (default: ${DEFAULT-VALUE}).")
    int users = EventsSettings.DEFAULTS.users();

    @Option(names = "--days", paramLabel = "N",
            description = "Length of the time window in days, ending at --end-date (default: ${DEFAULT-VALUE}).")
    int days = EventsSettings.DEFAULTS.days();

    @Option(names = "--end-date", paramLabel = "YYYY-MM-DD",
            description = "End of the time window (exclusive, 00:00 UTC); fixed so loads are reproducible "
                    + "(default: ${DEFAULT-VALUE}).")
    LocalDate endDate = EventsSettings.DEFAULTS.endDate();

    @Override
    public EventsSettings settings() {
        return new EventsSettings(users, days, endDate);
    }
}
