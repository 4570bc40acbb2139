package io.loadbench.report.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.loadbench.report.ReportException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The report's own JSON handling, every failure turned into one clear line: reading JMH's {@code jmh.json} (the
 * one file of a run folder not in loadbench's own formats; those are read by the results format's readers), the
 * chart data of the HTML page, and writing trees with sorted keys.
 */
public final class JsonFiles {

    /** Sorted keys and indentation, like the producers' files, so merged outputs diff cleanly. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private JsonFiles() {
    }

    /** Parses {@code file}; a missing file, an I/O error or invalid JSON becomes a {@link ReportException}. */
    public static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            throw new ReportException(file + ": not valid JSON" + at + ": " + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        } catch (NoSuchFileException e) {
            throw new ReportException(file + ": no such file", e);
        } catch (IOException e) {
            throw new ReportException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Writes {@code node} as indented JSON with a trailing newline. */
    public static void write(Path file, JsonNode node) {
        try {
            Files.writeString(file, MAPPER.writeValueAsString(sorted(node)) + "\n");
        } catch (IOException e) {
            throw new ReportException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    private static Object sorted(JsonNode node) {
        // ORDER_MAP_ENTRIES_BY_KEYS applies to maps, so a tree is converted to nested maps before writing.
        return MAPPER.convertValue(node, Object.class);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static Double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isTextual()) {
            // JMH writes NaN and infinities as strings
            switch (value.asText()) {
                case "NaN": return Double.NaN;
                case "Infinity": return Double.POSITIVE_INFINITY;
                case "-Infinity": return Double.NEGATIVE_INFINITY;
                default: break;
            }
        }
        return null;
    }

    static Long integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isIntegralNumber() ? value.longValue() : null;
    }
}
