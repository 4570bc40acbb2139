package io.loadbench.loader.datasets.analytics;

import io.loadbench.loader.spi.DatasetParameters;
import io.loadbench.loader.spi.RowGenerator;
import io.loadbench.loader.spi.TableSpec;
import io.loadbench.loader.table.Apportionment;
import io.loadbench.loader.testing.ValueCapturingRowWriter;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AnalyticsLayoutTest {

    private final AnalyticsSettings settings = AnalyticsDatasetContractTest.small(RedisDataType.STRING);
    private final AnalyticsLayout layout = new AnalyticsLayout(7, AnalyticsDatasetContractTest.EVENTS, settings);

    @Test
    void cellsAddUpExactlyToTheEventCount() {
        long total = 0;
        for (int org = 0; org < settings.orgs(); org++) {
            long orgTotal = 0;
            for (long[] perBucket : layout.cellsOf(org)) {
                for (long n : perBucket) {
                    orgTotal += n;
                }
            }
            assertThat(orgTotal).isEqualTo(layout.eventsOf(org));
            total += orgTotal;
        }
        assertThat(total).isEqualTo(layout.events());
    }

    @Test
    void generatedEventsMatchTheCountersCellByCell() {
        TableSpec events = new AnalyticsDataset(new DatasetParameters(7, AnalyticsDatasetContractTest.EVENTS), settings, c -> null).tables().get(2);
        RowGenerator generator = events.newGenerator();
        ValueCapturingRowWriter row = new ValueCapturingRowWriter();
        Map<String, Long> counted = new HashMap<>();
        for (long i = 0; i < events.rowCount(); i++) {
            row.reset();
            generator.generate(i, row);
            counted.merge(row.values().get(1) + ":" + row.values().get(3) + ":" + row.values().get(4), 1L, Long::sum);
        }
        for (int org = 0; org < settings.orgs(); org++) {
            long[][] cells = layout.cellsOf(org);
            for (EventType type : EventType.all()) {
                for (int b = 0; b < settings.timeBuckets(); b++) {
                    assertThat(counted.getOrDefault((org + 1) + ":" + type.code() + ":" + b, 0L))
                            .as("org %d %s bucket %d", org + 1, type.code(), b).isEqualTo(cells[type.ordinal()][b]);
                }
            }
        }
    }

    @Test
    void eventMixFollowsTheSeedsSixtyTwentyEightTenSplit() {
        AnalyticsLayout big = new AnalyticsLayout(1, 1_000_000, new AnalyticsSettings(500, 1_000, 24, 300,
                RedisDataType.STRING, 95, "p", AnalyticsSettings.DEFAULT_WINDOW_START, null));
        long[] perType = new long[EventType.all().length];
        for (int org = 0; org < 500; org++) {
            long[][] cells = big.cellsOf(org);
            for (int t = 0; t < cells.length; t++) {
                for (long n : cells[t]) {
                    perType[t] += n;
                }
            }
        }
        for (EventType type : EventType.all()) {
            assertThat(100.0 * perType[type.ordinal()] / 1_000_000).as(type.code()).isCloseTo(type.sharePercent(), within(0.05));
        }
        assertThat(big.eventsOf(0)).as("the busiest organisation").isGreaterThan(big.eventsOf(499) * 100);
    }

    @Test
    void apportionmentIsExactAndLocatesBlocksAcrossEmptyOnes() {
        long[] parts = Apportionment.split(10, new double[]{1, 0, 1, 1});
        assertThat(parts).containsExactly(4, 0, 3, 3);
        long[] prefix = Apportionment.prefixSums(parts);
        assertThat(Apportionment.blockOf(prefix, 0)).isZero();
        assertThat(Apportionment.blockOf(prefix, 3)).isZero();
        assertThat(Apportionment.blockOf(prefix, 4)).isEqualTo(2);
        assertThat(Apportionment.blockOf(prefix, 9)).isEqualTo(3);
    }
}
