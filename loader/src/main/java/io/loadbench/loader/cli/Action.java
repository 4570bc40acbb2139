package io.loadbench.loader.cli;

import java.util.Locale;

/** The four dataset commands. */
enum Action {
    PLAN("Dry run: rows, bytes and estimated time per table; touches no database."),
    LOAD("Create the tables, load them with parallel COPY, build indexes, verify, write load.json."),
    VERIFY("Check row counts, distributions and integrity of a loaded dataset; print table checksums."),
    DROP("Drop the dataset's tables and its load records.");

    final String description;

    Action(String description) {
        this.description = description;
    }

    String commandName() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean needsTarget() {
        return this != PLAN;
    }

    /** Whether the command takes the shard contract ({@code --shard}, {@code --run-id} and their variables). */
    boolean takesShard() {
        return this == LOAD || this == PLAN;
    }
}
