package io.loadbench.loader.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressDisplayTest {

    @Test
    void withoutATerminalItPrintsALineEveryTenSecondsAndAFinalOneWithRatesAndEta() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicLong nanos = new AtomicLong();
        try (ProgressDisplay display = new ProgressDisplay("load events", 1_000_000,
                new PrintStream(err, true, StandardCharsets.UTF_8), false, nanos::get)) {
            nanos.set(5_000_000_000L);
            display.batchCommitted("events", 0, 250_000, 50_000_000, 0);   // 5 s: too early for a line
            nanos.set(10_000_000_000L);
            display.batchCommitted("events", 1, 250_000, 50_000_000, 1);   // 10 s: a line
            nanos.set(20_000_000_000L);
            display.batchCommitted("events", 2, 500_000, 100_000_000, 0);  // 20 s: a line; the last batch
            nanos.set(60_000_000_000L);                                     // index builds: not load time
        }
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "load events: 500,000/1,000,000 rows (50.0%), 50,000 rows/s, 10.0 MB/s, ETA 10 s",
                "load events: 1,000,000/1,000,000 rows (100.0%), 50,000 rows/s, 10.0 MB/s, ETA 0 s",
                "load events: 1,000,000/1,000,000 rows (100.0%), 50,000 rows/s, 10.0 MB/s, ETA 0 s");
    }

    @Test
    void theRedisFillAfterTheTablesHasItsOwnProgressInKeysOnceTheTablesLastLineIsPrinted() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicLong nanos = new AtomicLong();
        try (ProgressDisplay display = new ProgressDisplay("load analytics", 100_000,
                new PrintStream(err, true, StandardCharsets.UTF_8), false, nanos::get)) {
            nanos.set(2_000_000_000L);
            display.batchCommitted("analytics_events", 0, 100_000, 20_000_000, 0);
            nanos.set(3_000_000_000L);                                    // keys and indexes of the table
            display.outputStepStarted("redis:analytics", 1_000_000, "keys");
            nanos.set(8_000_000_000L);
            display.outputStepProgress("redis:analytics", 200_000);       // 5 s into the fill: too early for a line
            nanos.set(13_000_000_000L);
            display.outputStepProgress("redis:analytics", 500_000);       // 10 s: a line
            nanos.set(23_000_000_000L);
            display.outputStepProgress("redis:analytics", 1_000_000);     // 20 s: a line; every key written
            display.outputStepFinished("redis:analytics");
        }
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "load analytics: 100,000/100,000 rows (100.0%), 50,000 rows/s, 10.0 MB/s, ETA 0 s",
                "redis:analytics: 500,000/1,000,000 keys (50.0%), 50,000 keys/s, ETA 10 s",
                "redis:analytics: 1,000,000/1,000,000 keys (100.0%), 50,000 keys/s, ETA 0 s",
                "redis:analytics: 1,000,000/1,000,000 keys (100.0%), 50,000 keys/s, ETA 0 s");
    }
}
