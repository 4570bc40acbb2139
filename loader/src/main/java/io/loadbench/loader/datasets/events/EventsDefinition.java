package io.loadbench.loader.datasets.events;

import io.loadbench.loader.spi.Dataset;
import io.loadbench.loader.spi.DatasetDefinition;
import io.loadbench.loader.spi.DatasetParameters;
import io.loadbench.loader.spi.InvalidOptionException;

import java.time.LocalDate;

/** Registry entry of the {@code events} dataset; {@code --rows} is the number of events. */
public final class EventsDefinition implements DatasetDefinition<EventsOptions> {

    public static final String NAME = "events";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "web analytics events (seed 000): monthly partitions, sessions, Pareto users, business hours, "
                + "9 countries, JSONB properties";
    }

    @Override
    public long defaultRows() {
        return 1_000_000;
    }

    @Override
    public EventsOptions newOptions() {
        return new EventsOptions();
    }

    @Override
    public Dataset create(DatasetParameters common, EventsOptions options) {
        if (options.users < 2) {
            throw new InvalidOptionException("--users", "must be at least 2, got " + options.users);
        }
        if (options.users > 20_000_000) {
            // the user shuffle keeps one int per user in memory
            throw new InvalidOptionException("--users", "must be at most 20,000,000, got " + options.users);
        }
        if (options.days < 1 || options.days > 3_660) {
            throw new InvalidOptionException("--days", "must be between 1 and 3660, got " + options.days);
        }
        LocalDate start = options.endDate.minusDays(options.days);
        if (start.getYear() < 2000 || options.endDate.getYear() > 9000) {
            throw new InvalidOptionException("--end-date", "window must lie within years 2000-9000, got "
                    + start + " .. " + options.endDate);
        }
        return new EventsDataset(common, options);
    }
}
