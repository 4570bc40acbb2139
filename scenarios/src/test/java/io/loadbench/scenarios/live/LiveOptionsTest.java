package io.loadbench.scenarios.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The live view's three system properties: defaults, and a value that is not one names its property. */
class LiveOptionsTest {

    @Test
    void byDefaultTheProgressLineIsOnAndNoEndpointIsServed() {
        LiveOptions options = LiveOptions.from(new Properties());

        assertThat(options).isEqualTo(new LiveOptions(true, 0, "127.0.0.1"));
        assertThat(options.metricsOn()).isFalse();
    }

    @Test
    void thePropertiesTurnTheProgressOffAndTheEndpointOnAnyHost() {
        Properties system = new Properties();
        system.setProperty("loadbench.progress", "FALSE");
        system.setProperty("loadbench.metricsPort", " 9400 ");
        system.setProperty("loadbench.metricsHost", "0.0.0.0");

        assertThat(LiveOptions.from(system)).isEqualTo(new LiveOptions(false, 9400, "0.0.0.0"));
    }

    @Test
    void aValueThatIsNotOneIsRejectedNamingItsProperty() {
        assertThatThrownBy(() -> LiveOptions.from(with("loadbench.metricsPort", "http")))
                .hasMessage("-Dloadbench.metricsPort: expected a port from 1 to 65535, or 0 for none, got 'http'");
        assertThatThrownBy(() -> LiveOptions.from(with("loadbench.metricsPort", "70000")))
                .hasMessage("-Dloadbench.metricsPort: expected a port from 1 to 65535, or 0 for none, got '70000'");
        assertThatThrownBy(() -> LiveOptions.from(with("loadbench.progress", "sometimes")))
                .hasMessage("-Dloadbench.progress: expected true or false, got 'sometimes'");
    }

    private static Properties with(String name, String value) {
        Properties system = new Properties();
        system.setProperty(name, value);
        return system;
    }
}
