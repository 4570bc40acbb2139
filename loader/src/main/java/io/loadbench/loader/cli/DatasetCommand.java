package io.loadbench.loader.cli;

import io.loadbench.loader.cli.options.DatasetOptions;
import io.loadbench.loader.spi.DatasetDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code <action> <dataset> [options]}: one dataset under one action, with the shared and the dataset's own options. */
@Command(mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true)
final class DatasetCommand<S extends Record> implements Callable<Integer> {

    @Mixin
    SharedOptions shared;

    private final Action action;
    private final DatasetDefinition<S> definition;
    private final DatasetOptions<S> options;
    private final ShardOptions shardOptions;
    private final ShardOptions.Finish finishOption;
    private final LoaderCli cli;

    /**
     * @param shardOptions the shard contract's options, or null for a command that takes none
     * @param finishOption {@code --finish}, or null for a command that takes none
     */
    DatasetCommand(Action action, DatasetDefinition<S> definition, DatasetOptions<S> options, ShardOptions shardOptions,
                   ShardOptions.Finish finishOption, LoaderCli cli) {
        this.action = action;
        this.definition = definition;
        this.options = options;
        this.shardOptions = shardOptions;
        this.finishOption = finishOption;
        this.cli = cli;
    }

    @Override
    public Integer call() throws Exception {
        cli.verbose = shared.verbose;
        LoaderConfig config = LoaderConfig.of(action.commandName(), definition, shared, shardOptions, finishOption,
                options, cli.env, cli.defaultLabel.get(), action.needsTarget());
        LoaderActions actions = new LoaderActions(cli.out, cli.err, cli.clock, cli.interactive, cli.commandName());
        return switch (action) {
            case PLAN -> actions.plan(config, definition, options);
            case LOAD -> actions.load(config, definition, options);
            case VERIFY -> actions.verify(config, definition, options);
            case DROP -> actions.drop(config, definition, options);
        };
    }
}
