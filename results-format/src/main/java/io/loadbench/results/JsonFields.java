package io.loadbench.results;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Typed access to one JSON object of a run-folder file, for the readers of this package: a required field that is
 * missing or of the wrong type is a {@link ResultFormatException} naming the file and the field's path
 * ({@code scenario.json: rate.requestsAfterWarmup: expected an integer}). A field that may be absent is read as an
 * {@code Optional*}; absent and {@code null} mean the same.
 */
public final class JsonFields {

    private final Path file;
    private final String path;
    private final JsonNode node;

    private JsonFields(Path file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    /** Parses {@code file}, whose top level must be an object with {@code schemaVersion} one of {@code supported}. */
    public static JsonFields readVersioned(Path file, int... supported) {
        JsonFields root = read(file);
        root.schemaVersion(supported);
        return root;
    }

    /** Parses {@code file}, whose top level must be a JSON object. */
    public static JsonFields read(Path file) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            throw new ResultFormatException(file + ": not valid JSON" + at + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        } catch (NoSuchFileException e) {
            throw new ResultFormatException(file + ": no such file", e);
        } catch (IOException e) {
            throw new ResultFormatException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ResultFormatException(file + ": expected a JSON object at the top level");
        }
        return new JsonFields(file, "", root);
    }

    /** The integer {@code schemaVersion}, which must be one of {@code supported}. */
    public int schemaVersion(int... supported) {
        String readable = supported.length == 1 ? "schema version " + supported[0]
                : "schema versions " + java.util.Arrays.toString(supported);
        JsonNode version = node.get("schemaVersion");
        if (version == null || version.isNull()) {
            throw new ResultFormatException(file + ": no schemaVersion field (this reader reads " + readable + ")");
        }
        if (version.isIntegralNumber() && version.canConvertToInt()) {
            for (int known : supported) {
                if (version.intValue() == known) {
                    return known;
                }
            }
        }
        throw new ResultFormatException(file + ": unknown schemaVersion " + version + " (this reader reads " + readable + ")");
    }

    /** The file being read. */
    public Path file() {
        return file;
    }

    /** The raw node, for a section whose shape the format leaves open. */
    public JsonNode node() {
        return node;
    }

    /** The field names of this object, in file order. */
    public List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    public boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    public JsonFields object(String field) {
        JsonNode value = required(field);
        if (!value.isObject()) {
            throw wrongType(field, value, "an object");
        }
        return new JsonFields(file, where(field), value);
    }

    public Optional<JsonFields> optionalObject(String field) {
        return has(field) ? Optional.of(object(field)) : Optional.empty();
    }

    /** Each field of the object {@code field}, by name in file order. */
    public Map<String, JsonFields> objects(String field) {
        JsonFields parent = object(field);
        Map<String, JsonFields> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = parent.node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            out.put(entry.getKey(), parent.object(entry.getKey()));
        }
        return out;
    }

    /** The elements of the array {@code field}, each an object. */
    public List<JsonFields> objectList(String field) {
        JsonNode array = array(field);
        List<JsonFields> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isObject()) {
                throw wrongType(field + "[" + i + "]", array.get(i), "an object");
            }
            out.add(new JsonFields(file, where(field) + "[" + i + "]", array.get(i)));
        }
        return out;
    }

    /** The elements of the array {@code field}, each a string. */
    public List<String> textList(String field) {
        JsonNode array = array(field);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isTextual()) {
                throw wrongType(field + "[" + i + "]", array.get(i), "a string");
            }
            out.add(array.get(i).asText());
        }
        return out;
    }

    /** The object {@code field} as plain Java values (maps, lists, strings, numbers, booleans, nulls). */
    public Map<String, Object> freeForm(String field) {
        return Json.mapper().convertValue(object(field).node, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    public String text(String field) {
        JsonNode value = required(field);
        if (!value.isTextual()) {
            throw wrongType(field, value, "a string");
        }
        return value.asText();
    }

    public Optional<String> optionalText(String field) {
        return has(field) ? Optional.of(text(field)) : Optional.empty();
    }

    /** The ISO-8601 instant {@code field} ({@code 2026-11-22T06:22:18.123Z}). */
    public Instant instant(String field) {
        String text = text(field);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ResultFormatException(file + ": " + where(field) + ": not an ISO-8601 instant: " + text, e);
        }
    }

    public Optional<Instant> optionalInstant(String field) {
        return has(field) ? Optional.of(instant(field)) : Optional.empty();
    }

    public long longValue(String field) {
        JsonNode value = required(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw wrongType(field, value, "an integer");
        }
        return value.longValue();
    }

    public OptionalLong optionalLong(String field) {
        return has(field) ? OptionalLong.of(longValue(field)) : OptionalLong.empty();
    }

    public int intValue(String field) {
        JsonNode value = required(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw wrongType(field, value, "an integer");
        }
        return value.intValue();
    }

    public OptionalInt optionalInt(String field) {
        return has(field) ? OptionalInt.of(intValue(field)) : OptionalInt.empty();
    }

    public double doubleValue(String field) {
        JsonNode value = required(field);
        if (!value.isNumber()) {
            throw wrongType(field, value, "a number");
        }
        return value.doubleValue();
    }

    public OptionalDouble optionalDouble(String field) {
        return has(field) ? OptionalDouble.of(doubleValue(field)) : OptionalDouble.empty();
    }

    public boolean booleanValue(String field) {
        JsonNode value = required(field);
        if (!value.isBoolean()) {
            throw wrongType(field, value, "true or false");
        }
        return value.booleanValue();
    }

    /** The string {@code field} as a constant of {@code type}, by its exact name. */
    public <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        String name = text(field);
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new ResultFormatException(file + ": " + where(field) + ": unknown value '" + name + "'", e);
        }
    }

    private JsonNode array(String field) {
        JsonNode value = required(field);
        if (!value.isArray()) {
            throw wrongType(field, value, "an array");
        }
        return value;
    }

    private JsonNode required(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new ResultFormatException(file + ": " + where(field) + ": missing");
        }
        return value;
    }

    private ResultFormatException wrongType(String field, JsonNode found, String expected) {
        return new ResultFormatException(file + ": " + where(field) + ": expected " + expected + ", found " + found);
    }

    private String where(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
