package io.loadbench.loader.sink.file;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** ISO-8601 text for the temporal {@code RowWriter} values, UTC, locale-free, microseconds kept. */
final class Timestamps {

    private static final DateTimeFormatter ISO_MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_MICROS_LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** {@code 2026-01-05T14:25:03.123456Z}. */
    static String utc(long epochMicros) {
        return ISO_MICROS.format(instant(epochMicros));
    }

    /** {@code 2026-01-05T14:25:03.123456} (a timestamp without time zone). */
    static String local(long epochMicros) {
        return ISO_MICROS_LOCAL.format(instant(epochMicros));
    }

    static String date(int epochDay) {
        return LocalDate.ofEpochDay(epochDay).toString();
    }

    private static Instant instant(long epochMicros) {
        return Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L), Math.floorMod(epochMicros, 1_000_000L) * 1_000L);
    }
}
