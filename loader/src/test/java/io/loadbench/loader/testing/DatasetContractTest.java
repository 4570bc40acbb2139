package io.loadbench.loader.testing;

import io.loadbench.loader.spi.ColumnSpec;
import io.loadbench.loader.spi.Dataset;
import io.loadbench.loader.spi.PgType;
import io.loadbench.loader.spi.RowGenerator;
import io.loadbench.loader.spi.TableSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The contract every dataset's tables must pass (see {@link io.loadbench.loader.spi.RowGenerator}).
 * Extend it in the dataset's test package and implement {@link #dataset(long)} with a small size (a few
 * thousand rows per table):
 *
 * <pre>{@code
 * class EventsDatasetContractTest extends DatasetContractTest {
 *     protected Dataset dataset(long seed) { return new EventsDefinition().create(new DatasetParameters(seed, 5_000), EventsSettings.DEFAULTS); }
 * }
 * }</pre>
 *
 * and pin its checksums ({@link #pinnedChecksums()}, a resource file beside the test). It checks: the
 * pinned checksums (a refactoring must not change a single generated value, nor the DDL);
 * column names and DDL sanity; one value per column with the declared type, NULL only where
 * allowed; determinism (the same seed gives the same bytes for row <i>i</i> whatever generator instance,
 * order, thread or dataset instance produces it); different seeds give different data; and value variety
 * (a column that never changes is usually a bug).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DatasetContractTest {

    /** The key of the parameters' digest in {@link #checksumsOf}; not a table name (tables cannot hold parentheses). */
    public static final String PARAMETERS = "(parameters)";

    /** Root seed used by the contract, the loader's default {@code --seed}; override to try another. */
    protected long seed() {
        return 42L;
    }

    /** Builds the dataset under test, small enough that every table has at most a few thousand rows. */
    protected abstract Dataset dataset(long seed);

    /** How many rows of each table the contract generates (from the start, plus the last row). */
    protected int sampledRows() {
        return 2_000;
    }

    /**
     * The checksums of every table of {@code dataset(seed())}, as {@link #checksumsOf} computes them, by table
     * name. They pin the dataset: any change of a generated value, of the row count, of the columns or of the
     * DDL changes them. A deliberate change of the data updates them in the same commit, and says so.
     *
     * <p>Default: the properties resource {@code <dataset name>-checksums.properties} beside the test class
     * (a golden file); when it is missing the test fails printing what to put there.
     */
    protected Map<String, String> pinnedChecksums() {
        String resource = dataset(seed()).name() + "-checksums.properties";
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            if (in == null) {
                StringBuilder lines = new StringBuilder();
                checksumsOf(dataset(seed())).forEach((table, sum) -> lines.append(table).append('=').append(sum).append('\n'));
                throw new AssertionError("no pinned checksums: create " + resource + " in the test resources of "
                        + getClass().getPackageName() + " with\n" + lines);
            }
            Properties pinned = new Properties();
            pinned.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> checksums = new TreeMap<>();
            pinned.stringPropertyNames().forEach(table -> checksums.put(table, pinned.getProperty(table)));
            return checksums;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Columns allowed to hold one value in the sampled rows (e.g. a constant flag); default none. */
    protected Set<String> columnsAllowedToBeConstant() {
        return Set.of();
    }

    @Test
    void everyTableHasItsPinnedChecksum() {
        Map<String, String> actual = checksumsOf(dataset(seed()));
        assertThat(actual).as("checksums of %s at seed %d (pin them in pinnedChecksums())", dataset(seed()).name(), seed())
                .containsExactlyInAnyOrderEntriesOf(pinnedChecksums());
    }

    /**
     * Per table: {@code rows=<count> data=<digest of every row's canonical bytes, in index order>
     * schema=<digest of the columns, the create, after-load and drop DDL and the checksum order>}; each
     * digest is the first 64 bits of a SHA-256, in hex. Every row is generated, so keep the tables small.
     * Under {@link #PARAMETERS}, a digest of {@link Dataset#parameters()}: they make the load id, so a
     * change there orphans the resume state of an interrupted load.
     */
    public static Map<String, String> checksumsOf(Dataset dataset) {
        Map<String, String> checksums = new TreeMap<>();
        for (TableSpec table : dataset.tables()) {
            MessageDigest data = sha256();
            RowGenerator generator = table.newGenerator();
            CanonicalRowWriter writer = new CanonicalRowWriter();
            for (long row = 0; row < table.rowCount(); row++) {
                writer.reset();
                generator.generate(row, writer);
                byte[] bytes = writer.toByteArray();
                data.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
                data.update(bytes);
            }
            MessageDigest schema = sha256();
            List<String> parts = new ArrayList<>();
            parts.add(table.name());
            table.columns().forEach(c -> parts.add(c.name() + " " + c.type() + (c.nullable() ? " NULL" : " NOT NULL")));
            parts.add("create");
            parts.addAll(table.createDdl());
            parts.add("after load");
            parts.addAll(table.afterLoadDdl());
            parts.add("drop");
            parts.addAll(table.dropDdl());
            parts.add("checksum order " + table.checksumOrderBy());
            schema.update(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
            checksums.put(table.name(), "rows=" + table.rowCount() + " data=" + hex64(data.digest())
                    + " schema=" + hex64(schema.digest()));
        }
        MessageDigest parameters = sha256();
        parameters.update(dataset.parameters().toString().getBytes(StandardCharsets.UTF_8));
        checksums.put(PARAMETERS, hex64(parameters.digest()));
        return checksums;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex64(byte[] digest) {
        return String.format(Locale.ROOT, "%016x", ByteBuffer.wrap(digest).getLong());
    }

    @Test
    void datasetDescribesItself() {
        Dataset dataset = dataset(seed());
        assertThat(dataset.name()).matches("[a-z][a-z0-9_-]*");
        assertThat(dataset.tables()).as("tables").isNotEmpty();
        assertThat(dataset.parameters()).as("parameters").isNotEmpty();
        Set<String> names = new HashSet<>();
        for (TableSpec table : dataset.tables()) {
            assertThat(names.add(table.name())).as("table name %s is unique", table.name()).isTrue();
            assertThat(table.name()).matches("[a-z_][a-z0-9_]*");
            assertThat(table.rowCount()).as("%s row count", table.name()).isPositive();
            assertThat(table.createDdl()).as("%s create DDL", table.name()).isNotEmpty();
            assertThat(table.createDdl()).allSatisfy(sql -> assertThat(sql.strip()).doesNotEndWith(";"));
            assertThat(table.afterLoadDdl()).allSatisfy(sql -> assertThat(sql.strip()).doesNotEndWith(";"));
            Set<String> columns = new HashSet<>();
            for (ColumnSpec column : table.columns()) {
                assertThat(columns.add(column.name())).as("%s.%s is unique", table.name(), column.name()).isTrue();
                assertThat(String.join("\n", table.createDdl())).as("create DDL of %s mentions %s", table.name(), column.name())
                        .contains(column.name());
            }
        }
    }

    @Test
    void everyRowWritesOneValuePerColumnWithTheDeclaredType() {
        for (TableSpec table : dataset(seed()).tables()) {
            RowGenerator generator = table.newGenerator();
            CanonicalRowWriter writer = new CanonicalRowWriter();
            for (long row : sampledIndexes(table)) {
                writer.reset();
                generator.generate(row, writer);
                List<PgType> written = writer.types();
                assertThat(written).as("%s row %d: number of values", table.name(), row).hasSize(table.columns().size());
                for (int c = 0; c < written.size(); c++) {
                    ColumnSpec column = table.columns().get(c);
                    if (written.get(c) == null) {
                        assertThat(column.nullable()).as("%s.%s row %d is NULL but not nullable", table.name(), column.name(), row).isTrue();
                    } else {
                        assertThat(written.get(c)).as("%s.%s row %d type", table.name(), column.name(), row).isEqualTo(column.type());
                    }
                }
            }
        }
    }

    @Test
    void sameSeedGivesSameBytesWhateverGeneratorOrderOrThread() throws Exception {
        Dataset first = dataset(seed());
        Dataset second = dataset(seed());
        for (int t = 0; t < first.tables().size(); t++) {
            TableSpec a = first.tables().get(t);
            TableSpec b = second.tables().get(t);
            assertThat(b.rowCount()).isEqualTo(a.rowCount());
            long[] indexes = sampledIndexes(a);
            List<byte[]> forward = encode(a.newGenerator(), indexes);

            long[] reversed = reversed(indexes);
            List<byte[]> backward = encode(b.newGenerator(), reversed);
            java.util.Collections.reverse(backward);
            assertRowsEqual(a.name() + " generated backwards by a second dataset instance", forward, backward);

            // two threads, interleaved stripes, each with its own generator: no hidden shared state
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<List<byte[]>>> stripes = new ArrayList<>();
                for (int s = 0; s < 2; s++) {
                    final int stripe = s;
                    stripes.add(pool.submit(() -> {
                        RowGenerator generator = a.newGenerator();
                        long[] mine = java.util.stream.IntStream.range(0, indexes.length)
                                .filter(i -> i % 2 == stripe).mapToLong(i -> indexes[i]).toArray();
                        return encode(generator, mine);
                    }));
                }
                List<byte[]> even = stripes.get(0).get();
                List<byte[]> odd = stripes.get(1).get();
                List<byte[]> merged = new ArrayList<>();
                for (int i = 0; i < indexes.length; i++) {
                    merged.add(i % 2 == 0 ? even.get(i / 2) : odd.get(i / 2));
                }
                assertRowsEqual(a.name() + " generated on two threads", forward, merged);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void differentSeedsGiveDifferentRows() {
        Dataset a = dataset(seed());
        Dataset b = dataset(seed() + 1);
        for (int t = 0; t < a.tables().size(); t++) {
            TableSpec ta = a.tables().get(t);
            long[] indexes = sampledIndexes(ta);
            List<byte[]> rowsA = encode(ta.newGenerator(), indexes);
            List<byte[]> rowsB = encode(b.tables().get(t).newGenerator(), indexes);
            long same = java.util.stream.IntStream.range(0, Math.min(rowsA.size(), rowsB.size()))
                    .filter(i -> Arrays.equals(rowsA.get(i), rowsB.get(i))).count();
            assertThat(same).as("%s rows identical under seeds %d and %d", ta.name(), seed(), seed() + 1)
                    .isLessThan(rowsA.size());
        }
    }

    @Test
    void everyColumnVariesAcrossRows() {
        for (TableSpec table : dataset(seed()).tables()) {
            RowGenerator generator = table.newGenerator();
            List<Set<String>> distinct = new ArrayList<>();
            table.columns().forEach(c -> distinct.add(new HashSet<>()));
            ValueCapturingRowWriter writer = new ValueCapturingRowWriter();
            long[] indexes = sampledIndexes(table);
            for (long row : indexes) {
                writer.reset();
                generator.generate(row, writer);
                for (int c = 0; c < table.columns().size() && c < writer.values().size(); c++) {
                    distinct.get(c).add(writer.values().get(c));
                }
            }
            if (indexes.length < 2) {
                continue;
            }
            for (int c = 0; c < table.columns().size(); c++) {
                String column = table.columns().get(c).name();
                if (!columnsAllowedToBeConstant().contains(column)) {
                    assertThat(distinct.get(c)).as("%s.%s takes more than one value", table.name(), column).hasSizeGreaterThan(1);
                }
            }
        }
    }

    private long[] sampledIndexes(TableSpec table) {
        long n = table.rowCount();
        int count = (int) Math.min(n, sampledRows());
        long[] indexes = new long[count + (n > count ? 1 : 0)];
        for (int i = 0; i < count; i++) {
            indexes[i] = i;
        }
        if (n > count) {
            indexes[count] = n - 1;
        }
        return indexes;
    }

    private static long[] reversed(long[] indexes) {
        long[] r = new long[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            r[i] = indexes[indexes.length - 1 - i];
        }
        return r;
    }

    private static List<byte[]> encode(RowGenerator generator, long[] indexes) {
        CanonicalRowWriter writer = new CanonicalRowWriter();
        List<byte[]> rows = new ArrayList<>(indexes.length);
        for (long index : indexes) {
            writer.reset();
            generator.generate(index, writer);
            rows.add(writer.toByteArray());
        }
        return rows;
    }

    private static void assertRowsEqual(String what, List<byte[]> expected, List<byte[]> actual) {
        assertThat(actual).as(what + ": row count").hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            if (!Arrays.equals(expected.get(i), actual.get(i))) {
                fail(what + ": sampled row #" + i + " differs");
            }
        }
    }
}
