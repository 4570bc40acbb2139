package io.loadbench.loader.spi;

/**
 * Produces the rows of one table.
 *
 * <p>Obligations of an implementation:
 * <ul>
 *   <li><b>Purity.</b> The values written for row {@code rowIndex} depend only on the dataset's seed and
 *   options and on {@code rowIndex}: not on which rows this generator produced before, on the worker, on
 *   the clock, or on any shared mutable state. Caches are allowed (e.g. the layout of the block of rows
 *   last asked for) as long as they are derived from the seed alone.</li>
 *   <li><b>Shape.</b> Each call writes exactly {@code columns().size()} values, in column order, with the
 *   {@link RowWriter} method matching each column's {@link PgType}, NULL only where the column is nullable.</li>
 *   <li><b>Thread confinement.</b> A generator is used by one thread at a time ({@link TableSpec#newGenerator()}
 *   is called once per worker); it may keep mutable scratch state. Shared, read-only pools built from the
 *   seed (value lists, alias tables) belong in the {@link Dataset} and are passed in.</li>
 *   <li><b>Randomness.</b> All randomness comes from {@link io.loadbench.loader.random.RowRandom}
 *   reseeded per row (or per block of rows) from a seed derived with {@link io.loadbench.loader.random.Seeds};
 *   never {@code ThreadLocalRandom}, {@code Math.random()} or a shared {@code java.util.Random}.</li>
 * </ul>
 * {@code rowIndex} runs from 0 to {@link TableSpec#rowCount()} - 1.
 */
@FunctionalInterface
public interface RowGenerator {

    void generate(long rowIndex, RowWriter out);
}
