package io.loadbench.benchmarks.generation;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

import io.loadbench.benchmarks.datasets.BenchmarkDatasets;
import io.loadbench.loader.spi.RowGenerator;
import io.loadbench.loader.spi.TableSpec;

/**
 * Rows per second a dataset's generator produces for its main table, encoded as a load sends them; one
 * concrete subclass per dataset ({@code EventsGenerationBenchmark}, ...), so a regexp selects a dataset.
 *
 * <ul>
 *   <li>{@code pooled}: the dataset's own generator (Datafaker values drawn into pools once, sampled per
 *   row from seeded streams) on one thread, encoded as COPY binary, COPY text, NDJSON or RESP.</li>
 *   <li>{@code naiveDatafaker}: the same columns, every field of every row a fresh Datafaker call, COPY
 *   binary, one thread: {@code pooled} (COPY binary) divided by it is the speed-up the pooled design buys.</li>
 * </ul>
 * Primary score: rows/s. Secondary {@code megabytes}: encoded MB/s (10^6 bytes).
 *
 * <p>Each thread builds the dataset for itself (pools included) before the measurement, so threads share
 * nothing. Sizing: generation is CPU-bound code that the JIT must compile first (with three warm-up
 * seconds the text encoders still ran at half speed in the first measured one), so four 1-second warm-up
 * iterations precede eight half-second measured ones, in two forks: sixteen samples (at n = 5 JMH's 99.9%
 * interval is 8.6 standard errors wide, at n = 16 about 4), and two JIT outcomes instead of one. About 20 s per
 * combination, 5 combinations per dataset (4 encodings, naive). Scaling over cores is the loader's business
 * (its workers) and is measured against the servers' ceilings by {@code benchmarks/ceiling.sh}, not here: under the
 * suite's CPU isolation a benchmark JVM has half the machine.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 8, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public abstract class GenerationBenchmark {

    /** Rows per invocation: enough that JMH's per-invocation overhead vanishes, few enough to keep buffers small. */
    static final int ROWS_PER_INVOCATION = 1_000;

    private TableSpec table;
    private RowCursor rows;
    private RowCursor naiveRows;
    private Encoding.RowEncoder copyBinary;

    /** @return the registry name of the dataset this class measures */
    protected abstract String dataset();

    @Setup(Level.Trial)
    public void buildGenerators(ThreadParams thread) {
        table = BenchmarkDatasets.mainTable(BenchmarkDatasets.create(dataset()));
        rows = new RowCursor(table, table.newGenerator(), thread);
        RowGenerator naive = new NaiveDatafakerRowGenerator(table.columns(), BenchmarkDatasets.SEED + thread.getThreadIndex());
        naiveRows = new RowCursor(table, naive, thread);
        copyBinary = Encoding.COPY_BINARY.newEncoder(table);
    }

    /** The wire format of {@link #pooled}; the other benchmarks encode COPY binary, the loader's default. */
    @State(Scope.Thread)
    public static class Format {
        @Param({"COPY_BINARY", "COPY_TEXT", "NDJSON", "RESP"})
        public Encoding encoding;

        private Encoding.RowEncoder encoder;

        Encoding.RowEncoder encoderFor(TableSpec table) {
            if (encoder == null) {
                encoder = encoding.newEncoder(table);
            }
            return encoder;
        }
    }

    /** Encoded bytes, reported per second as a secondary result. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class EncodedMegabytes {
        /** Encoded megabytes (10^6 bytes); JMH reports it per second. */
        public double megabytes;

        @Setup(Level.Iteration)
        public void reset() {
            megabytes = 0;
        }
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(ROWS_PER_INVOCATION)
    public int pooled(Format format, EncodedMegabytes encoded) {
        return rows.encodeBatch(format.encoderFor(table), encoded);
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(ROWS_PER_INVOCATION)
    public int naiveDatafaker(EncodedMegabytes encoded) {
        return naiveRows.encodeBatch(copyBinary, encoded);
    }

    /** Walks a thread's share of the table's rows, wrapping around, one batch at a time. */
    static final class RowCursor {
        private final RowGenerator generator;
        private final long rowCount;
        private long nextRow;

        RowCursor(TableSpec table, RowGenerator generator, ThreadParams thread) {
            this.generator = generator;
            this.rowCount = table.rowCount();
            // threads start in different places, as a load's workers generate disjoint ranges
            this.nextRow = rowCount / thread.getThreadCount() * thread.getThreadIndex();
        }

        /** @return the encoded size of the batch, so the work cannot be optimized away */
        int encodeBatch(Encoding.RowEncoder encoder, EncodedMegabytes encoded) {
            encoder.clear();
            for (int i = 0; i < ROWS_PER_INVOCATION; i++) {
                encoder.encode(generator, nextRow);
                nextRow = nextRow + 1 == rowCount ? 0 : nextRow + 1;
            }
            int bytes = encoder.size();
            encoded.megabytes += bytes / 1e6;
            return bytes;
        }
    }
}
