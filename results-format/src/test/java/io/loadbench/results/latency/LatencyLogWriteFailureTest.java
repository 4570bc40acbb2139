package io.loadbench.results.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk must not truncate an interval log silently: HdrHistogram writes through a {@code PrintStream},
 * which swallows I/O errors, and a scheduled tick that throws ends its repetitions without a word. The first
 * failed write is thrown, with its cause, by the log and by its ticker's {@code finish()}.
 */
class LatencyLogWriteFailureTest {

    private static final long START_MS = 1_795_000_000_000L;

    @TempDir
    Path hdr;

    /** A disk that fills up after {@code capacityBytes}. */
    private static final class FillingDisk extends OutputStream {
        private final long capacityBytes;
        private final ByteArrayOutputStream written = new ByteArrayOutputStream();

        FillingDisk(long capacityBytes) {
            this.capacityBytes = capacityBytes;
        }

        @Override
        public void write(int b) throws IOException {
            if (written.size() >= capacityBytes) {
                throw new IOException("No space left on device");
            }
            written.write(b);
        }
    }

    @Test
    @Timeout(10)
    void aWriteThatFailsMidRunIsThrownWithItsCauseByTheTickAndByFinish() {
        LatencyRecorders recorders = new LatencyRecorders();
        RequestLatencyRecorder get = recorders.forRequest("cache get");
        LatencyIntervalLog log = LatencyIntervalLog.openThrough(hdr, recorders, START_MS, false, file -> new FillingDisk(2_000));

        get.recordIntendedMicros(100);
        log.tick(START_MS + 1_000);
        long tick = START_MS + 1_000;
        UncheckedIOException failure = null;
        for (int i = 0; i < 100 && failure == null; i++) {
            get.recordIntendedMicros(100 + i);
            tick += 1_000;
            try {
                log.tick(tick);
            } catch (UncheckedIOException e) {
                failure = e;
            }
        }

        assertThat(failure).as("a tick met the full disk").isNotNull();
        assertThat(failure).hasMessageContaining("cannot write the interval log").hasMessageContaining("cache_get.")
                .hasMessageContaining("No space left on device").hasCauseInstanceOf(IOException.class);
        assertThat(log.failure()).contains(failure);
        long next = tick + 1_000;
        assertThatThrownBy(() -> log.tick(next)).isSameAs(failure);
        assertThatThrownBy(() -> log.finish(next)).isSameAs(failure);
        assertThatThrownBy(() -> log.finish(next)).as("finish stays failed").isSameAs(failure);
    }

    @Test
    @Timeout(10)
    void anIntervalLogThatCannotBeCreatedFailsTheTickerWhenItFinishes() throws Exception {
        LatencyRecorders recorders = new LatencyRecorders();
        recorders.forRequest("cache get").recordIntendedMicros(100);
        // the file's place is taken by a directory: opening it fails, as on a read-only or full file system
        Files.createDirectory(hdr.resolve(LatencyKind.INTENDED.hlogFileName("cache get")));
        AtomicLong nowMs = new AtomicLong(START_MS);
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public long millis() {
                return nowMs.addAndGet(10);
            }

            @Override
            public java.time.Instant instant() {
                return java.time.Instant.ofEpochMilli(millis());
            }
        };
        LatencyIntervalLog log = LatencyIntervalLog.open(hdr, recorders, START_MS, false);
        LatencyLogTicker ticker = LatencyLogTicker.start(log, Duration.ofMillis(20), Duration.ZERO, clock);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (ticker.failure().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        assertThat(ticker.failure()).as("the scheduled tick's failure is kept").isPresent();
        assertThatThrownBy(ticker::finish).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot write the interval log").hasMessageContaining("cache_get.intended.hlog")
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    @Timeout(10)
    void aLogThatWritesWellStillFinishesWithItsTotals() {
        LatencyRecorders recorders = new LatencyRecorders();
        recorders.forRequest("cache get").recordIntendedMicros(100);
        LatencyIntervalLog log = LatencyIntervalLog.openThrough(hdr, recorders, START_MS, false, file -> new FillingDisk(1 << 20));

        assertThat(log.finish(START_MS + 1_000).get("cache get").intended().getTotalCount()).isEqualTo(1);
        assertThat(log.failure()).isEmpty();
    }
}
