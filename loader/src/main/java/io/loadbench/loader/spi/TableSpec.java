package io.loadbench.loader.spi;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One PostgreSQL table of a {@link Dataset}: its columns, size, DDL and row generator.
 *
 * <p>Obligations of an implementation:
 * <ul>
 *   <li>{@link #createDdl()} creates the table (and, for a partitioned table, every partition the data
 *   needs plus a default partition) <em>without</em> secondary indexes, so COPY runs against a bare heap.
 *   Primary keys, foreign keys and indexes go in {@link #afterLoadDdl()}. Statements are plain SQL without
 *   a trailing semicolon. The loader runs {@code createDdl} only when the table does not exist yet.</li>
 *   <li>{@link #afterLoadDdl()} statements are idempotent ({@code CREATE INDEX IF NOT EXISTS}, or
 *   {@code ALTER TABLE ... ADD CONSTRAINT} guarded by a {@code DO} block), because a resumed load may run
 *   them again.</li>
 *   <li>{@link #rowCount()} is fixed by the dataset's seed and options; the loader splits {@code [0, rowCount)}
 *   into batches and may generate them on any worker in any order.</li>
 *   <li>{@link #checksumOrderBy()} names columns that order the rows totally (normally the primary key);
 *   the loader's table checksum uses it.</li>
 * </ul>
 */
public interface TableSpec {

    /** Unquoted, lower-case table name; unique enough not to clash with other datasets on a shared server. */
    String name();

    /** Columns in generation (and COPY) order. */
    List<ColumnSpec> columns();

    long rowCount();

    /** Statements creating the table and its partitions, before the load. */
    List<String> createDdl();

    /** Statements run after every row is loaded: primary key, foreign keys, indexes, ANALYZE. */
    List<String> afterLoadDdl();

    /** Statements dropping everything {@link #createDdl()} created. Default: {@code DROP TABLE IF EXISTS name CASCADE}. */
    default List<String> dropDdl() {
        return List.of("DROP TABLE IF EXISTS " + name() + " CASCADE");
    }

    /** A fresh generator for one worker; see {@link RowGenerator} for its obligations. */
    RowGenerator newGenerator();

    /** Comma-separated columns ordering the rows totally; default: the first column. */
    default String checksumOrderBy() {
        return columns().get(0).name();
    }

    /** The column list of a {@code COPY name (...)} statement. */
    default String copyColumnList() {
        return columns().stream().map(ColumnSpec::name).collect(Collectors.joining(", "));
    }

    /**
     * A rough size of one row as COPY binary bytes, used by {@code plan} to estimate bytes and time before
     * anything is generated. Default: sampled by the loader from the first rows, so overriding is optional.
     */
    default long estimatedRowBytes() {
        return -1;
    }
}
