package io.loadbench.loader.spi;

/**
 * One verification check of a loaded dataset: a distribution measured in SQL and compared with its target,
 * an integrity rule (foreign keys, NULLs, uniqueness), or a Redis content check.
 *
 * <p>Obligations of an implementation: measure in the datastore (never trust the generator); state the
 * target and the tolerance in the result; throw only when the measurement itself fails (a SQL error), and
 * report a mismatch as a failed {@link CheckResult}.
 */
public interface Check {

    /** Short name, e.g. {@code event_type share}. */
    String name();

    CheckResult run(DatasetContext context) throws Exception;
}
