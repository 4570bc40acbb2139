package io.loadbench.loader.datasets.events;

import io.loadbench.loader.spi.Dataset;
import io.loadbench.loader.spi.DatasetDefinition;
import io.loadbench.loader.spi.DatasetParameters;

/** Registry entry of the {@code events} dataset; {@code --rows} is the number of events. */
public final class EventsDefinition implements DatasetDefinition<EventsSettings> {

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
    public EventsSettings defaultSettings() {
        return EventsSettings.DEFAULTS;
    }

    @Override
    public Dataset create(DatasetParameters common, EventsSettings settings) {
        return new EventsDataset(common, settings);
    }
}
