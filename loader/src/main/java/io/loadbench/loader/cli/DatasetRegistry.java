package io.loadbench.loader.cli;

import io.loadbench.loader.datasets.events.EventsDefinition;
import io.loadbench.loader.spi.DatasetDefinition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The datasets the CLI knows. To add a dataset, add one line to {@link #builtIn()}: the CLI then offers
 * {@code plan|load|verify|drop <name>} with the dataset's own options, and {@code datasets} lists it.
 */
public final class DatasetRegistry {

    private final Map<String, DatasetDefinition<?>> definitions = new LinkedHashMap<>();

    public DatasetRegistry(List<DatasetDefinition<?>> definitions) {
        for (DatasetDefinition<?> d : definitions) {
            if (this.definitions.putIfAbsent(d.name(), d) != null) {
                throw new IllegalArgumentException("dataset registered twice: " + d.name());
            }
        }
    }

    /** Every built-in dataset, in the order {@code datasets} lists them. */
    public static DatasetRegistry builtIn() {
        return new DatasetRegistry(List.of(
                // one line per dataset:
                new EventsDefinition(),
                new io.loadbench.loader.datasets.weather.WeatherDefinition(),
                new io.loadbench.loader.datasets.analytics.AnalyticsDefinition(),
                new io.loadbench.loader.datasets.gateway.GatewayDefinition(),
                new io.loadbench.loader.datasets.commerce.CommerceDefinition()
        ));
    }

    public List<DatasetDefinition<?>> all() {
        return List.copyOf(definitions.values());
    }

    /** Registered names, comma-separated, for messages. */
    public String names() {
        return String.join(", ", definitions.keySet());
    }

    public Optional<DatasetDefinition<?>> find(String name) {
        return Optional.ofNullable(definitions.get(name));
    }
}
