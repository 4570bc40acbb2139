package io.loadbench.loader.testing;

import io.loadbench.loader.random.RowRandom;
import io.loadbench.loader.random.Seeds;
import io.loadbench.loader.spi.ColumnSpec;
import io.loadbench.loader.spi.Dataset;
import io.loadbench.loader.spi.PgType;
import io.loadbench.loader.spi.RowGenerator;
import io.loadbench.loader.spi.TableSpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract test passes a well-behaved dataset and catches the usual mistakes. */
class DatasetContractSelfTest {

    /** A two-table dataset (parent, child with a foreign key) that honours the contract. */
    static Dataset sample(long seed, RowGenerator overrideChild) {
        long parentSeed = Seeds.derive(seed, "sample/parent");
        long childSeed = Seeds.derive(seed, "sample/child");
        TableSpec parent = table("sample_parent", 300, List.of(
                ColumnSpec.notNull("id", PgType.INT8), ColumnSpec.nullable("label", PgType.TEXT)), () -> {
                    RowRandom r = new RowRandom();
                    return (i, out) -> {
                        r.reset(parentSeed, i);
                        out.int8(i + 1);
                        if (r.nextBoolean(0.1)) {
                            out.writeNull();
                        } else {
                            out.text("label\t" + r.nextInt(1000));
                        }
                    };
                });
        TableSpec child = table("sample_child", 3000, List.of(
                ColumnSpec.notNull("id", PgType.INT8), ColumnSpec.notNull("parent_id", PgType.INT8),
                ColumnSpec.notNull("at", PgType.TIMESTAMPTZ)), () -> {
                    if (overrideChild != null) {
                        return overrideChild;
                    }
                    RowRandom r = new RowRandom();
                    return (i, out) -> {
                        r.reset(childSeed, i);
                        out.int8(i + 1);
                        out.int8(1 + r.nextInt(300));
                        out.timestamptz(1_700_000_000_000_000L + r.nextLong(86_400_000_000L));
                    };
                });
        return new Dataset() {
            @Override public String name() { return "sample"; }
            @Override public List<TableSpec> tables() { return List.of(parent, child); }
            @Override public SortedMap<String, Object> parameters() { return new TreeMap<>(java.util.Map.of("seed", seed)); }
        };
    }

    private static TableSpec table(String name, long rows, List<ColumnSpec> columns,
                                   java.util.function.Supplier<RowGenerator> generators) {
        return new TableSpec() {
            @Override public String name() { return name; }
            @Override public List<ColumnSpec> columns() { return columns; }
            @Override public long rowCount() { return rows; }
            @Override public List<String> createDdl() {
                return List.of("CREATE TABLE " + name + " (" + String.join(", ",
                        columns.stream().map(c -> c.name() + " " + c.type().sqlName()).toList()) + ")");
            }
            @Override public List<String> afterLoadDdl() { return List.of(); }
            @Override public RowGenerator newGenerator() { return generators.get(); }
        };
    }

    @Nested
    class AWellBehavedDataset extends DatasetContractTest {
        @Override
        protected Dataset dataset(long seed) {
            return sample(seed, null);
        }
    }

    @Test
    void aGeneratorThatDependsOnCallOrderFailsTheDeterminismCheck() {
        AtomicLong calls = new AtomicLong();
        DatasetContractTest contract = new DatasetContractTest() {
            @Override
            protected Dataset dataset(long seed) {
                return sample(seed, (i, out) -> {
                    out.int8(i + 1);
                    out.int8(1 + calls.incrementAndGet() % 300); // depends on history: a contract violation
                    out.timestamptz(0);
                });
            }

            @Override
            protected Map<String, String> pinnedChecksums() {
                return Map.of();
            }
        };
        assertThatThrownBy(contract::sameSeedGivesSameBytesWhateverGeneratorOrderOrThread)
                .isInstanceOf(AssertionError.class).hasMessageContaining("sample_child");
    }

    private static RowGenerator childWithLastTimestamp(long lastMicros) {
        return (i, out) -> {
            out.int8(i + 1);
            out.int8(1 + i % 300);
            out.timestamptz(i == 2_999 ? lastMicros : 0);
        };
    }

    @Test
    void aChangedValueFailsThePinnedChecksums() {
        Map<String, String> pinned = DatasetContractTest.checksumsOf(sample(42, childWithLastTimestamp(0)));
        DatasetContractTest contract = new DatasetContractTest() {
            @Override
            protected Dataset dataset(long seed) {
                return sample(seed, childWithLastTimestamp(1)); // one value of the last row differs
            }

            @Override
            protected Map<String, String> pinnedChecksums() {
                return pinned;
            }
        };
        assertThatThrownBy(contract::everyTableHasItsPinnedChecksum)
                .isInstanceOf(AssertionError.class).hasMessageContaining("sample_child");
    }

    @Test
    void aGeneratorWritingTheWrongTypeFailsTheShapeCheck() {
        DatasetContractTest contract = new DatasetContractTest() {
            @Override
            protected Dataset dataset(long seed) {
                return sample(seed, (i, out) -> {
                    out.int8(i + 1);
                    out.int4((int) i); // declared INT8
                    out.timestamptz(0);
                });
            }

            @Override
            protected Map<String, String> pinnedChecksums() {
                return Map.of();
            }
        };
        assertThatThrownBy(contract::everyRowWritesOneValuePerColumnWithTheDeclaredType)
                .isInstanceOf(AssertionError.class).hasMessageContaining("parent_id");
    }
}
