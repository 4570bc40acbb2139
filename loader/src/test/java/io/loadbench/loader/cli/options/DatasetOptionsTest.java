package io.loadbench.loader.cli.options;

import io.loadbench.loader.datasets.weather.WeatherSettings;
import io.loadbench.loader.spi.DatasetDefinition;
import io.loadbench.loader.spi.DatasetRegistry;
import io.loadbench.loader.spi.InvalidOptionException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command-line options are a view of the settings records: they add no defaults and no rules of their own. */
class DatasetOptionsTest {

    @Test
    void everyDatasetsOptionsLeftAloneGiveItsDefaultSettings() {
        for (DatasetDefinition<?> definition : DatasetRegistry.builtIn().all()) {
            assertThat(DatasetOptions.forDefinition(definition).settings()).as(definition.name())
                    .isEqualTo(definition.defaultSettings());
        }
    }

    @Test
    void parsedOptionsBecomeTheRecordTheyName() {
        DatasetOptions<WeatherSettings> weather = DatasetOptions.forDefinition(
                new io.loadbench.loader.datasets.weather.WeatherDefinition());
        new CommandLine(weather).parseArgs("--locations", "query-cities");
        assertThat(weather.settings()).isEqualTo(WeatherSettings.queryCities());
        new CommandLine(weather).parseArgs("--locations", "lots");
        assertThatThrownBy(weather::settings).isInstanceOf(InvalidOptionException.class).hasMessageContaining("--locations");
    }
}
