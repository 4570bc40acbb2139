package io.loadbench.loader.sink.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadbench.loader.table.DatasetTable;
import io.loadbench.loader.spi.ColumnSpec;
import io.loadbench.loader.spi.PgType;
import io.loadbench.loader.spi.TableSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class FileExportTest {

    private static final List<ColumnSpec> COLUMNS = List.of(
            ColumnSpec.notNull("id", PgType.INT8),
            ColumnSpec.notNull("event_time", PgType.TIMESTAMPTZ),
            ColumnSpec.nullable("note", PgType.TEXT),
            ColumnSpec.notNull("amount", PgType.NUMERIC),
            ColumnSpec.notNull("ratio", PgType.FLOAT8),
            ColumnSpec.notNull("ok", PgType.BOOL),
            ColumnSpec.notNull("tags", PgType.JSONB));

    /** Rows with the values that break naive encoders: quotes, commas, newlines, tabs, backslashes, NULL, "". */
    private static final String[] NOTES = {"plain", "comma, inside", "quote \" inside", "line\nbreak", "tab\tand\\back",
            "", null, "ünïcödé €", "cr\r\nlf"};

    private static TableSpec table(long rows) {
        return new DatasetTable("t", COLUMNS, rows, List.of(), () -> (row, out) -> {
            out.int8(row + 1);
            out.timestamptz(1_767_225_600_000_000L + row * 1_500_000L);
            String note = NOTES[(int) (row % NOTES.length)];
            if (note == null) {
                out.writeNull();
            } else {
                out.text(note);
            }
            out.numeric(-12_345 + row, 2);
            out.float8(row / 8.0);
            out.bool(row % 2 == 0);
            out.jsonb("{\"k\":[" + row + ",\"v\"]}");
        }, "id");
    }

    @Test
    void bulkNdjsonParsesBackLineByLineAsActionDocumentPairs(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.bulk.ndjson.gz");
        FileExport.Result result = FileExport.write(new FileExport.Spec(table(1_000), FileFormat.BULK, file, true,
                Map.of("event_time", "@timestamp"), "demo_index", "id"), done -> { });
        assertThat(result.rows()).isEqualTo(1_000);
        assertThat(result.fileBytes()).isLessThan(result.uncompressedBytes());

        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                lines.add(line);
            }
        }
        assertThat(lines).hasSize(2_000);
        for (int i = 0; i < 1_000; i++) {
            JsonNode action = json.readTree(lines.get(2 * i));
            JsonNode document = json.readTree(lines.get(2 * i + 1));
            assertThat(action.size()).isEqualTo(1);
            assertThat(action.get("index").get("_index").asText()).isEqualTo("demo_index");
            assertThat(action.get("index").get("_id").asText()).isEqualTo(document.get("id").asText());
            assertThat(document.get("id").asLong()).isEqualTo(i + 1);
            assertThat(document.has("@timestamp")).isTrue();
            assertThat(document.has("event_time")).isFalse();
            String note = NOTES[i % NOTES.length];
            if (note == null) {
                assertThat(document.get("note").isNull()).isTrue();
            } else {
                assertThat(document.get("note").asText()).isEqualTo(note);
            }
            assertThat(document.get("amount").decimalValue()).isEqualByComparingTo(new java.math.BigDecimal(-12_345 + i).movePointLeft(2));
            assertThat(document.get("tags").get("k").get(0).asInt()).isEqualTo(i);
        }
        assertThat(json.readTree(lines.get(1)).get("@timestamp").asText()).isEqualTo("2026-01-01T00:00:00.000000Z");
        assertThat(Files.list(dir)).as("no partial file left").hasSize(1);
    }

    @Test
    void csvQuotesOnlyWhatNeedsQuotingAndKeepsNullDistinctFromEmpty(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.csv");
        FileExport.write(new FileExport.Spec(table(9), FileFormat.CSV, file, false, Map.of(), null, null), done -> { });
        String csv = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("id,event_time,note,amount,ratio,ok,tags\r\n"
                + "1,2026-01-01T00:00:00.000000Z,plain,-123.45,0.0,true,\"{\"\"k\"\":[0,\"\"v\"\"]}\"\r\n");
        assertThat(csv).contains(",\"comma, inside\",").contains(",\"quote \"\" inside\",").contains(",\"line\nbreak\",")
                .contains(",tab\tand\\back,").contains(",\"\",").contains(",\"cr\r\nlf\",");
        assertThat(csv).contains("\r\n7,2026-01-01T00:00:09.000000Z,,-123.39,");
    }

    @Test
    void severalWorkersWriteTheSameBytesAsOneWhetherGzippedOrNot(@TempDir Path dir) throws Exception {
        for (FileFormat format : new FileFormat[]{FileFormat.BULK, FileFormat.CSV}) {
            FileExport.write(new FileExport.Spec(table(25_000), format, dir.resolve("one.gz"), true,
                    Map.of("event_time", "@timestamp"), "demo_index", "id"), done -> { });
            java.util.concurrent.atomic.AtomicLong progress = new java.util.concurrent.atomic.AtomicLong();
            FileExport.Result three = FileExport.write(new FileExport.Spec(table(25_000), format, dir.resolve("three.gz"), true,
                    Map.of("event_time", "@timestamp"), "demo_index", "id"), 3, progress::set);
            FileExport.write(new FileExport.Spec(table(25_000), format, dir.resolve("three.plain"), false,
                    Map.of("event_time", "@timestamp"), "demo_index", "id"), 3, done -> { });

            byte[] expected = new GZIPInputStream(Files.newInputStream(dir.resolve("one.gz"))).readAllBytes();
            assertThat(new GZIPInputStream(Files.newInputStream(dir.resolve("three.gz"))).readAllBytes())
                    .as("%s: three gzip members read as one stream", format).isEqualTo(expected);
            assertThat(Files.readAllBytes(dir.resolve("three.plain"))).isEqualTo(expected);
            assertThat(three.uncompressedBytes()).isEqualTo(expected.length);
            assertThat(progress.get()).isEqualTo(25_000);
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no part files left")
                    .containsExactlyInAnyOrder("one.gz", "three.gz", "three.plain");
        }
    }

    @Test
    void theIndexMappingTypesEveryFieldAndIsValidJson() throws Exception {
        JsonNode mapping = new ObjectMapper().readTree(IndexMapping.json(COLUMNS, Map.of("event_time", "@timestamp"), List.of("note")));
        JsonNode properties = mapping.get("mappings").get("properties");
        assertThat(properties.get("@timestamp").get("type").asText()).isEqualTo("date");
        assertThat(properties.get("id").get("type").asText()).isEqualTo("long");
        assertThat(properties.get("note").get("type").asText()).isEqualTo("text");
        assertThat(properties.get("ok").get("type").asText()).isEqualTo("boolean");
        assertThat(properties.size()).isEqualTo(COLUMNS.size());
    }
}
