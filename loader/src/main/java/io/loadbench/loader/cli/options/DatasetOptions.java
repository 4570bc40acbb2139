package io.loadbench.loader.cli.options;

import io.loadbench.loader.datasets.analytics.AnalyticsSettings;
import io.loadbench.loader.datasets.commerce.CommerceSettings;
import io.loadbench.loader.datasets.events.EventsSettings;
import io.loadbench.loader.datasets.gateway.GatewaySettings;
import io.loadbench.loader.datasets.weather.WeatherSettings;
import io.loadbench.loader.spi.DatasetDefinition;
import io.loadbench.loader.spi.InvalidOptionException;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Collection;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A dataset's own command-line options (e.g. {@code --users} for {@code events}): a picocli mixin whose only
 * job is to produce the dataset's settings record. The CLI adds a fresh instance to each command
 * ({@code plan}, {@code load}, {@code verify}, {@code drop}); its fields start at the settings' defaults
 * (the record's {@code DEFAULTS}, which is the definition's {@link DatasetDefinition#defaultSettings()}), so
 * the defaults live in the settings alone and {@code --help} shows them ({@code ${DEFAULT-VALUE}}).
 *
 * @param <S> the dataset's settings
 */
public interface DatasetOptions<S extends Record> {

    /** The settings the options describe; throws {@link InvalidOptionException} naming a bad option. */
    S settings();

    /**
     * The option of this dataset that, when given, decides the dataset's size itself (e.g. gateway's
     * {@code --profile}), as it would be named in a message; null when none was given. An explicit
     * {@code --rows} next to it is refused: which of the two should win is the user's call, not ours.
     */
    default String sizeOption() {
        return null;
    }

    /**
     * The option values as given, keyed by option name without its dashes (numbers and booleans as they are,
     * lists comma-separated, anything else as text), for the console and the manifest.
     */
    default SortedMap<String, Object> values() {
        SortedMap<String, Object> values = new TreeMap<>();
        for (OptionSpec option : CommandSpec.forAnnotatedObject(this).options()) {
            values.put(option.longestName().replaceFirst("^-+", ""), asGiven(option.getValue()));
        }
        return values;
    }

    private static Object asGiven(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return value.toString();
    }

    /**
     * Fresh options for a dataset, holding its defaults. A dataset whose settings have no options here cannot
     * be offered on the command line: map them below (one line).
     */
    @SuppressWarnings("unchecked")
    static <S extends Record> DatasetOptions<S> forDefinition(DatasetDefinition<S> definition) {
        Class<S> type = definition.settingsType();
        DatasetOptions<?> options;
        if (type == EventsSettings.class) {
            options = new EventsOptions();
        } else if (type == WeatherSettings.class) {
            options = new WeatherOptions();
        } else if (type == AnalyticsSettings.class) {
            options = new AnalyticsOptions();
        } else if (type == GatewaySettings.class) {
            options = new GatewayOptions();
        } else if (type == CommerceSettings.class) {
            options = new CommerceOptions();
        } else {
            throw new IllegalArgumentException("dataset " + definition.name() + " has no command-line options for "
                    + type.getSimpleName() + " (add them to DatasetOptions.forDefinition)");
        }
        return (DatasetOptions<S>) options;
    }
}
