package io.loadbench.results;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared JSON format, written under the Turkish locale and the Chatham time zone the tests run in. */
class JsonTest {

    @Test
    void writesSortedIndentedLocaleIndependentJson() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("zeta", 1.5);
        value.put("INDEX", "ı and I");
        value.put("alpha", List.of(1, 2));
        value.put("at", Instant.parse("2026-11-22T06:22:18Z"));
        value.put("timeout", Duration.ofSeconds(30));
        value.put("results", Path.of("results", "run"));
        value.put("missing", null);

        assertThat(Json.write(value)).isEqualTo("{\n"
                + "  \"INDEX\" : \"ı and I\",\n"
                + "  \"alpha\" : [\n    1,\n    2\n  ],\n"
                + "  \"at\" : \"2026-11-22T06:22:18.000Z\",\n"
                + "  \"missing\" : null,\n"
                + "  \"results\" : \"results/run\",\n"
                + "  \"timeout\" : \"PT30S\",\n"
                + "  \"zeta\" : 1.5\n"
                + "}\n");
    }

    @Test
    void formatsInstantsInUtcWithMilliseconds() {
        assertThat(Json.format(Instant.parse("2026-11-22T06:22:18.123456Z"))).isEqualTo("2026-11-22T06:22:18.123Z");
        assertThat(Json.format(null)).isNull();
    }
}
