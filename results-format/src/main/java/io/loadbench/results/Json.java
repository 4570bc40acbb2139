package io.loadbench.results;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TimeZone;

/**
 * The one Jackson configuration for every file loadbench writes: keys of maps and beans sorted (unless a class
 * fixes its order with {@code @JsonPropertyOrder}), two-space indentation with {@code \n} line ends, instants as
 * ISO-8601 UTC strings with milliseconds ({@code 2026-11-22T06:22:18.123Z}), durations as ISO-8601
 * ({@code PT30S}; prefer numbers with the unit in the field name), paths as plain strings, numbers with a
 * {@code .}, nothing taken from the machine's locale or time zone. Files end with a newline.
 */
public final class Json {

    /** ISO-8601 UTC with exactly three fraction digits, as run folders and manifests write times. */
    public static final DateTimeFormatter INSTANT_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final ObjectMapper MAPPER = createMapper();
    private static final ObjectWriter WRITER = MAPPER.writer(prettyPrinter());

    private Json() {
    }

    /** The shared mapper (thread-safe; do not reconfigure it). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The value as indented JSON text ending with a newline. */
    public static String write(Object value) {
        try {
            return WRITER.writeValueAsString(value) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the value to {@code file} atomically (temporary file, then rename), so a reader never sees half a file. */
    public static void write(Path file, Object value) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, write(value), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp); // on a full disk, the partial copy holds space the next write needs
            } catch (IOException ignored) {
                // the write's own failure is what matters
            }
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Formats an instant the way every loadbench file does. */
    public static String format(Instant instant) {
        return instant == null ? null : INSTANT_FORMAT.format(instant);
    }

    /** An optional value as the files write it: the value, or {@code null} when absent. */
    public static Double orNull(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    public static Long orNull(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }

    public static Integer orNull(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }

    private static ObjectMapper createMapper() {
        SimpleModule times = new SimpleModule("loadbench-times");
        times.addSerializer(Instant.class, new StdSerializer<>(Instant.class) {
            @Override
            public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
                generator.writeString(format(value));
            }
        });
        // without these, Jackson would write a Path as a file: URI and a Duration as a bean of its getters
        times.addSerializer(Duration.class, new StdSerializer<>(Duration.class) {
            @Override
            public void serialize(Duration value, JsonGenerator generator, SerializerProvider provider) throws IOException {
                generator.writeString(value.toString());
            }
        });
        times.addSerializer(Path.class, new StdSerializer<>(Path.class) {
            @Override
            public void serialize(Path value, JsonGenerator generator, SerializerProvider provider) throws IOException {
                generator.writeString(value.toString().replace('\\', '/'));
            }
        });
        return JsonMapper.builder()
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .defaultLocale(Locale.ROOT)
                .defaultTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC))
                .addModule(times)
                .build();
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter();
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }
}
