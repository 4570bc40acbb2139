package io.loadbench.benchmarks.generation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.loadbench.loader.spi.ColumnSpec;
import io.loadbench.loader.spi.RowGenerator;
import io.loadbench.loader.spi.RowWriter;
import net.datafaker.Faker;

/**
 * The baseline the pooled generators are measured against: every field of every row is a fresh Datafaker
 * call, the way a first attempt at a data generator is usually written.
 *
 * <p>It writes the same columns, with the same types, as the dataset table it stands in for; text columns
 * get a Datafaker value chosen from the column name (a country for {@code country}, a URL for
 * {@code page_url}, ...), everything else a Datafaker number, date or UUID. The values are not the
 * dataset's distributions: this generator exists to be timed, not loaded. Row {@code i} does not depend on
 * {@code i} (the faker's own random stream advances), which is one more thing the pooled design fixes.
 * Single-threaded, like every {@link RowGenerator}.
 */
final class NaiveDatafakerRowGenerator implements RowGenerator {

    private static final long MICROS_PER_SECOND = 1_000_000L;

    private final Faker faker;
    private final List<Consumer<RowWriter>> fields;

    NaiveDatafakerRowGenerator(List<ColumnSpec> columns, long seed) {
        this.faker = new Faker(new Random(seed));
        // the Datafaker call of each column is chosen once; only the calls themselves run per row
        this.fields = columns.stream().map(this::field).toList();
    }

    @Override
    public void generate(long rowIndex, RowWriter out) {
        for (Consumer<RowWriter> field : fields) {
            field.accept(out);
        }
    }

    private Consumer<RowWriter> field(ColumnSpec column) {
        return switch (column.type()) {
            case INT2 -> out -> out.int2((short) faker.number().numberBetween(0, Short.MAX_VALUE));
            case INT4 -> out -> out.int4(faker.number().numberBetween(0, Integer.MAX_VALUE));
            case INT8 -> out -> out.int8(faker.number().numberBetween(0L, Long.MAX_VALUE));
            case FLOAT4 -> out -> out.float4((float) faker.number().randomDouble(2, 0, 10_000));
            case FLOAT8 -> out -> out.float8(faker.number().randomDouble(6, 0, 10_000));
            case NUMERIC -> out -> out.numeric(faker.number().numberBetween(0L, 10_000_000L), 2);
            case BOOL -> out -> out.bool(faker.bool().bool());
            case TEXT -> text(column.name());
            case BYTEA -> out -> out.bytea(faker.lorem().characters(16, 64).getBytes(StandardCharsets.UTF_8));
            case TIMESTAMPTZ -> out -> out.timestamptz(epochMicros(faker.timeAndDate().past(365, TimeUnit.DAYS)));
            case TIMESTAMP -> out -> out.timestamp(epochMicros(faker.timeAndDate().past(365, TimeUnit.DAYS)));
            case DATE -> out -> out.date((int) faker.timeAndDate().past(365, TimeUnit.DAYS).atZone(ZoneOffset.UTC)
                    .toLocalDate().toEpochDay());
            case UUID -> out -> {
                UUID uuid = UUID.fromString(faker.internet().uuid());
                out.uuid(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
            };
            case JSONB -> out -> out.jsonb("{\"source\":\"" + faker.lorem().word() + "\",\"campaign\":\""
                    + faker.lorem().word() + "\",\"value\":" + faker.number().numberBetween(0, 1_000) + "}");
        };
    }

    private Consumer<RowWriter> text(String columnName) {
        List<String> words = Arrays.asList(columnName.split("_"));
        if (words.contains("country")) {
            return out -> out.text(faker.address().countryCode());
        }
        if (words.contains("city")) {
            return out -> out.text(faker.address().city());
        }
        if (words.contains("url") || words.contains("referrer") || words.contains("page")) {
            return out -> out.text(faker.internet().url());
        }
        if (words.contains("email")) {
            return out -> out.text(faker.internet().emailAddress());
        }
        if (words.contains("browser") || words.contains("agent")) {
            return out -> out.text(faker.internet().userAgent());
        }
        if (words.contains("os")) {
            return out -> out.text(faker.options().option("Windows", "macOS", "Linux", "iOS", "Android"));
        }
        if (words.contains("device")) {
            return out -> out.text(faker.options().option("desktop", "mobile", "tablet"));
        }
        if (words.contains("name")) {
            return out -> out.text(faker.name().fullName());
        }
        if (words.contains("ip")) {
            return out -> out.text(faker.internet().ipV4Address());
        }
        return out -> out.text(faker.lorem().word());
    }

    private static long epochMicros(Instant instant) {
        return instant.getEpochSecond() * MICROS_PER_SECOND + instant.getNano() / 1_000;
    }
}
