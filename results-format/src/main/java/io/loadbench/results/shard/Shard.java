package io.loadbench.results.shard;

/**
 * Shard {@code index} of {@code count} ({@code 0 <= index < count}), written {@code index/count}. Unit {@code u}
 * (a batch of rows, an organisation of a Redis fill) belongs to shard {@code u mod count}: round robin rather than
 * contiguous ranges, so that units whose cost grows along the index (later months, larger teams) spread evenly over
 * the shards, and so that a shard can tell its units from a unit number alone, without knowing how many there are.
 */
public record Shard(int index, int count) {

    /**
     * The most shards a run may have: far more processes than one PostgreSQL or Redis accepts connections from, so a
     * larger count is a typo, not an experiment.
     */
    public static final int MAX_COUNT = 10_000;

    /** @throws IllegalArgumentException when the count is outside 1..{@value #MAX_COUNT} or the index outside 0..count-1 */
    public Shard {
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("the shard count must be between 1 and " + MAX_COUNT + ", got " + count);
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("the shard index must be between 0 and " + (count - 1)
                    + " for " + count + " shard(s), got " + index);
        }
    }

    /** Whether unit {@code unit} (0-based, non-negative) is this shard's. */
    public boolean owns(long unit) {
        if (unit < 0) {
            throw new IllegalArgumentException("units are numbered from 0, got " + unit);
        }
        return unit % count == index;
    }

    /** How many of the units {@code 0 .. total-1} this shard owns. */
    public long unitsOf(long total) {
        return total <= index ? 0 : (total - 1 - index) / count + 1;
    }

    /** {@code index/count}, the form {@code --shard} takes. */
    @Override
    public String toString() {
        return index + "/" + count;
    }
}
