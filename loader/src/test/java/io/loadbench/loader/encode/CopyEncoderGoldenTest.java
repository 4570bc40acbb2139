package io.loadbench.loader.encode;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The encoders' bytes for NULL, empty string, tab, newline, carriage return, backslash, a literal
 * {@code \N}, unicode beyond the BMP, JSONB, numeric, infinities and the PostgreSQL epoch boundary, checked
 * against fixtures written by hand from the PostgreSQL documentation.
 */
class CopyEncoderGoldenTest {

    @Test
    void binaryEncodingMatchesTheHandWrittenFixture() {
        byte[] expected = HexFormat.of().parseHex(readFixture("copy-binary-nasty.hex").lines()
                .map(line -> line.replaceAll("#.*", "").replaceAll("\\s+", ""))
                .reduce("", String::concat));
        assertThat(HexFormat.of().formatHex(NastyRows.encode(new CopyBinaryEncoder())))
                .isEqualTo(HexFormat.of().formatHex(expected));
    }

    @Test
    void textEncodingEscapesEveryNastyValueAsTheFixtureShows() {
        String expected = readFixture("copy-text-nasty.txt");
        assertThat(new String(NastyRows.encode(new CopyTextEncoder()), StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void encodersGrowTheirBufferForLongValuesAndClearKeepsNothing() {
        CopyTextEncoder encoder = new CopyTextEncoder();
        String longValue = "\\".repeat(100_000);
        encoder.beginRow(1);
        encoder.text(longValue);
        encoder.endRow();
        assertThat(encoder.size()).isEqualTo(200_001);
        encoder.clear();
        assertThat(encoder.size()).isZero();
    }

    @Test
    void textTimestampsIgnoreTheJvmTimeZoneAndLocale() {
        // surefire runs this under Pacific/Chatham and a Turkish locale
        CopyTextEncoder encoder = new CopyTextEncoder();
        encoder.beginRow(2);
        encoder.timestamptz(0);
        encoder.date(-719_162); // 0001-01-01
        encoder.endRow();
        assertThat(new String(encoder.toByteArray(), StandardCharsets.US_ASCII))
                .isEqualTo("1970-01-01 00:00:00+00\t0001-01-01\n");
    }

    private static String readFixture(String name) {
        try (InputStream in = CopyEncoderGoldenTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
