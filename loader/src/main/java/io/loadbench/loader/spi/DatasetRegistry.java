package io.loadbench.loader.spi;

import io.loadbench.loader.datasets.analytics.AnalyticsDefinition;
import io.loadbench.loader.datasets.commerce.CommerceDefinition;
import io.loadbench.loader.datasets.events.EventsDefinition;
import io.loadbench.loader.datasets.gateway.GatewayDefinition;
import io.loadbench.loader.datasets.weather.WeatherDefinition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The datasets the loader knows, for the CLI, the scenarios and the benchmarks. To add a dataset, add one
 * line to {@link #builtIn()} (and, for the command line, map its options onto its settings in
 * {@code io.loadbench.loader.cli.options.DatasetOptions#forDefinition}).
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
                new WeatherDefinition(),
                new AnalyticsDefinition(),
                new GatewayDefinition(),
                new CommerceDefinition()
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

    /** The dataset whose settings are {@code settings}' type; throws naming the type when none is registered. */
    @SuppressWarnings("unchecked")
    public <S extends Record> DatasetDefinition<S> forSettings(S settings) {
        return (DatasetDefinition<S>) definitions.values().stream()
                .filter(d -> d.settingsType() == settings.getClass())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no registered dataset takes "
                        + settings.getClass().getSimpleName() + " (registered: " + names() + ")"));
    }
}
