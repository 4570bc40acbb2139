package io.loadbench.loader.spi;

/**
 * A registered dataset: its name, its size and its own typed settings, and the factory that builds it.
 * Register an implementation in {@link DatasetRegistry#builtIn()} (one line).
 *
 * <p>Obligations of an implementation: {@code S} is an immutable record that validates itself at
 * construction, rejecting (never repairing) a bad value with an {@link InvalidOptionException} that names the
 * command-line option the value stands for; its defaults live in one place, returned by
 * {@link #defaultSettings()}. Nothing here knows about command lines: the CLI maps its options onto
 * {@code S}, and scenarios and benchmarks build {@code S} directly.
 *
 * @param <S> the dataset's own settings (e.g. {@code --users} for {@code events})
 */
public interface DatasetDefinition<S extends Record> {

    /** Registry name, used as the positional on the command line ({@code load events}). */
    String name();

    /** One line for {@code datasets} and {@code --help}. */
    String summary();

    /** The default number of rows of the main table when {@code --rows} is not given. */
    long defaultRows();

    /** The dataset's settings when nothing is said: the one place its defaults live. */
    S defaultSettings();

    /** The type of the dataset's settings; default: the type of {@link #defaultSettings()}. */
    @SuppressWarnings("unchecked")
    default Class<S> settingsType() {
        return (Class<S>) defaultSettings().getClass();
    }

    /**
     * Builds the dataset for one plan. Checks what only the pair can tell (e.g. a {@code --rows} that the
     * settings contradict) and throws {@link InvalidOptionException} naming the option. May take a moment
     * (pools are built here), but must not touch a datastore.
     */
    Dataset create(DatasetParameters common, S settings);
}
