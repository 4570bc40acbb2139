package io.loadbench.report.html;

import io.loadbench.report.ReportException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The Chart.js build shipped in the {@code org.webjars.npm:chart.js} webjar, ready to inline. */
public final class ChartJs {

    private static final String POM_PROPERTIES = "/META-INF/maven/org.webjars.npm/chart.js/pom.properties";

    private ChartJs() {
    }

    /** The UMD build's source, with its source-map reference removed (the map is not shipped with the page). */
    public static String source() {
        String version = version();
        String path = "/META-INF/resources/webjars/chart.js/" + version + "/dist/chart.umd.min.js";
        try (InputStream in = ChartJs.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new ReportException("the Chart.js webjar is incomplete: " + path + " is missing from the classpath");
            }
            String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return source.replaceAll("(?m)^//# sourceMappingURL=.*$", "");
        } catch (IOException e) {
            throw new ReportException("cannot read Chart.js from its webjar: " + e.getMessage(), e);
        }
    }

    public static String version() {
        try (InputStream in = ChartJs.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                throw new ReportException("the Chart.js webjar is not on the classpath (" + POM_PROPERTIES + ")");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new ReportException("cannot read the Chart.js webjar version: " + e.getMessage(), e);
        }
    }
}
