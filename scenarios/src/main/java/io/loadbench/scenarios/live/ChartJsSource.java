package io.loadbench.scenarios.live;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The Chart.js build of the {@code org.webjars.npm:chart.js} webjar, to inline in the live page: the page works
 * offline and loads nothing from elsewhere, as the report's pages do (the report module reads the same webjar the
 * same way; scenarios may not depend on the report module).
 */
final class ChartJsSource {

    private static final String POM_PROPERTIES = "/META-INF/maven/org.webjars.npm/chart.js/pom.properties";

    private ChartJsSource() {
    }

    /** The UMD build, without its source-map reference (the map is not served). */
    static String read() {
        String path = "/META-INF/resources/webjars/chart.js/" + version() + "/dist/chart.umd.min.js";
        try (InputStream in = ChartJsSource.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the Chart.js webjar is incomplete: " + path + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^//# sourceMappingURL=.*$", "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Chart.js from its webjar: " + e.getMessage(), e);
        }
    }

    private static String version() {
        try (InputStream in = ChartJsSource.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException("the Chart.js webjar is not on the classpath (" + POM_PROPERTIES + ")");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Chart.js webjar's version: " + e.getMessage(), e);
        }
    }
}
