package io.loadbench.scenarios.live;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The live page: {@code live.html} with Chart.js and {@code live.js} inlined, so it loads nothing but
 * {@code /live.json} from the run's own server. Its script draws three charts (rate, latency, failures) and shows
 * the plan, the request counts and, once decided, the verdict.
 */
final class LivePage {

    private LivePage() {
    }

    static byte[] html() {
        String page = resource("live.html")
                .replace("/*chart.js*/", ChartJsSource.read().replace("</script", "<\\/script"))
                .replace("/*live.js*/", resource("live.js"));
        return page.getBytes(StandardCharsets.UTF_8);
    }

    private static String resource(String name) {
        try (InputStream in = LivePage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the live page's " + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the live page's " + name + ": " + e.getMessage(), e);
        }
    }
}
