package io.loadbench.loader.datasets.analytics;

import io.loadbench.loader.sink.redis.RespStreamWriter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyticsRedisWriterTest {

    /** Decodes a RESP command stream into argument lists. */
    static List<List<String>> commands(byte[] resp) {
        String s = new String(resp, StandardCharsets.UTF_8);
        List<List<String>> commands = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            int eol = s.indexOf("\r\n", i);
            int n = Integer.parseInt(s.substring(i + 1, eol));
            i = eol + 2;
            List<String> args = new ArrayList<>();
            for (int a = 0; a < n; a++) {
                eol = s.indexOf("\r\n", i);
                int len = Integer.parseInt(s.substring(i + 1, eol));
                args.add(s.substring(eol + 2, eol + 2 + len));
                i = eol + 2 + len + 2;
            }
            commands.add(args);
        }
        return commands;
    }

    private static List<List<String>> fill(RedisDataType type) {
        AnalyticsLayout layout = AnalyticsDatasetContractTest.smallLayout(3, type);
        AnalyticsRedisWriter writer = new AnalyticsRedisWriter(layout);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (RespStreamWriter out = new RespStreamWriter(bytes)) {
            for (int org = 0; org < layout.settings().orgs(); org++) {
                writer.writeOrg(org, out);
            }
            writer.writeMeta(out);
        }
        assertThat(writer.keysWritten()).isEqualTo(AnalyticsRedisWriter.keysOf(layout));
        return commands(bytes.toByteArray());
    }

    @Test
    void countersAreIntegerStringsEqualToTheCellSizes() {
        AnalyticsLayout layout = AnalyticsDatasetContractTest.smallLayout(3, RedisDataType.STRING);
        List<List<String>> commands = fill(RedisDataType.STRING);
        long[][] cells = layout.cellsOf(0);
        assertThat(commands).contains(List.of("SET", "lbtest:analytics:cnt:1:click:2", Long.toString(cells[1][2])));
        long counters = commands.stream().filter(c -> c.get(1).contains(":cnt:")).count();
        assertThat(counters).isEqualTo(layout.settings().counterKeys());
    }

    @Test
    void stringEntriesAreJsonWithTheTtlAndTheMetaKeyComesLast() {
        List<List<String>> commands = fill(RedisDataType.STRING);
        List<String> dashboard = commands.stream().filter(c -> c.get(1).equals("lbtest:analytics:dash:1")).findFirst().orElseThrow();
        assertThat(dashboard).hasSize(5);
        assertThat(dashboard.get(2)).startsWith("{\"org_id\":1,\"events\":").contains("\"by_type\":{\"page_view\":");
        assertThat(dashboard.subList(3, 5)).containsExactly("EX", "300");
        assertThat(commands.get(commands.size() - 1)).startsWith("HSET", "lbtest:analytics:meta");
    }

    @Test
    void everyDataTypeVariantUsesItsOwnCommandsAndExpires() {
        assertThat(fill(RedisDataType.JSON)).anySatisfy(c -> assertThat(c).startsWith("JSON.SET", "lbtest:analytics:dash:1", "$"))
                .anySatisfy(c -> assertThat(c).containsExactly("EXPIRE", "lbtest:analytics:dash:1", "300"));
        assertThat(fill(RedisDataType.HASH)).anySatisfy(c -> assertThat(c).startsWith("HSET", "lbtest:analytics:dash:1", "events"));
        List<List<String>> list = fill(RedisDataType.LIST);
        int del = list.indexOf(List.of("DEL", "lbtest:analytics:dash:1"));
        assertThat(del).isNotNegative();
        assertThat(list.get(del + 1)).startsWith("RPUSH", "lbtest:analytics:dash:1").hasSize(2 + 6);
        assertThat(fill(RedisDataType.SET)).anySatisfy(c -> assertThat(c).startsWith("SADD", "lbtest:analytics:dash:1"));
        assertThat(fill(RedisDataType.SORTED_SET)).anySatisfy(c -> assertThat(c).startsWith("ZADD", "lbtest:analytics:dash:1"));
    }

    @Test
    void ratiosAreFormattedWithFourDecimalsWhateverTheLocale() {
        assertThat(AnalyticsRedisWriter.ratio(1, 3)).isEqualTo("0.3333");
        assertThat(AnalyticsRedisWriter.ratio(7, 0)).isEqualTo("0");
        assertThat(AnalyticsRedisWriter.ratio(200, 100)).isEqualTo("2.0000");
        for (long[] pair : new long[][]{{1, 3}, {7, 0}, {200, 100}, {1, 20_000}, {5, 10_000}, {123_456, 7}, {0, 9}}) {
            StringBuilder appended = new StringBuilder();
            AnalyticsRedisWriter.appendRatio(appended, pair[0], pair[1]);
            assertThat(appended.toString()).isEqualTo(AnalyticsRedisWriter.ratio(pair[0], pair[1]));
        }
    }
}
