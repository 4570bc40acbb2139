package io.loadbench.loader.spi;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A dataset's own command-line options (e.g. {@code --users} for {@code events}): a class with picocli
 * {@code @Option} fields, whose defaults are the field initialisers. The CLI adds a fresh instance to each
 * command ({@code plan}, {@code load}, {@code verify}, {@code drop}) as a picocli mixin.
 *
 * <p>Obligations: every option has a description with its default ({@code ${DEFAULT-VALUE}}); values are
 * validated in {@link DatasetDefinition#create}, which throws {@link InvalidOptionException} naming the
 * option, never silently repairs.
 */
public interface DatasetOptions {

    /** The effective option values, keyed by option name without dashes (e.g. {@code users}). */
    SortedMap<String, Object> values();

    /** Options object for a dataset with no options of its own. */
    final class None implements DatasetOptions {
        @Override
        public SortedMap<String, Object> values() {
            return new TreeMap<>();
        }
    }
}
