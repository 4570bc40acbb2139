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
}
