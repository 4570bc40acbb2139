package io.loadbench.loader.spi;

/**
 * A drop that would touch what no recorded loadbench load created (a table, a key prefix, an e-mail domain),
 * or whose selector matches no recorded load. Nothing was dropped and no load record was deleted.
 */
public final class DropRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DropRefusedException(String message) {
        super(message);
    }
}
