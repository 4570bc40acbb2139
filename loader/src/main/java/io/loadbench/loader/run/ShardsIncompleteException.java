package io.loadbench.loader.run;

/**
 * The finish step of a sharded load found a shard missing or incomplete, or the shards' slices not adding up to the
 * tables; the message names each shard and what it lacks.
 */
public final class ShardsIncompleteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ShardsIncompleteException(String message) {
        super(message);
    }
}
