package io.loadbench.results;

/**
 * {@code jmh.json}, the result file of a {@link RunKind#JMH JMH run}: JMH's own JSON result format
 * ({@code -rf json}), written by JMH itself and listed in the manifest's {@code files}. loadbench does not
 * define its shape, so there is no record of it here; the report reads it with its {@code JmhResultReader}, which
 * accepts JMH 1.x files.
 */
public final class JmhResultFile {

    /** The file's name in a run folder. */
    public static final String FILE = "jmh.json";

    private JmhResultFile() {
    }
}
