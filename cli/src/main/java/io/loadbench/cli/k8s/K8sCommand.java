package io.loadbench.cli.k8s;

import io.loadbench.cli.Loadbench;
import io.loadbench.results.Secrets;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.random.RandomGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code loadbench k8s render|run}: a scaled-out run as Kubernetes Jobs. {@link #run} is the entry point and returns
 * the exit code: 0 success, 1 a Job failed or kubectl could not be used, 2 bad usage (the offending option named in
 * one line).
 */
@Command(name = "k8s", mixinStandardHelpOptions = true,
        description = "Scale a run out on Kubernetes Indexed Jobs: 'render' writes the Jobs as YAML, 'run' applies them one "
                + "after the other with kubectl and waits for each.",
        footer = {"", K8sCommand.VERSIONS, "", "'loadbench k8s render --help' and 'loadbench k8s run --help' explain the options."})
public final class K8sCommand implements Runnable {

    static final String VERSIONS = "Needs Kubernetes 1.26+ (Indexed Jobs with podFailurePolicy); --load needs 1.29+"
            + " (backoffLimitPerIndex). Older API servers drop those fields, and the Jobs would run under other rules.";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs {@code loadbench k8s ARGS}. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {
        return run(args, out, err, env, clock, new SecureRandom(), duration -> Thread.sleep(duration.toMillis()));
    }

    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, Clock clock,
                   RandomGenerator random, K8sRunCommand.Pause pause) {
        CommandLine commandLine = new CommandLine(new K8sCommand()).setCommandName(Loadbench.NAME + " k8s");
        commandLine.addSubcommand(new CommandLine(new RenderCommand(out, err, clock, random)).setStopAtPositional(true));
        commandLine.addSubcommand(new CommandLine(new K8sRunCommand(out, err, env, clock, random, pause)).setStopAtPositional(true));
        commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            String command = e.getCommandLine().getCommandName();
            err.println(Secrets.maskUrl("error: " + e.getMessage() + " (see '" + command + " --help')"));
            return Loadbench.EXIT_USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof Kubectl.KubectlException) {
                err.println(Secrets.maskUrl("error: " + e.getMessage()));
                return Loadbench.EXIT_FAILED;
            }
            if (e instanceof IllegalArgumentException) {
                err.println(Secrets.maskUrl("error: " + e.getMessage()));
                return Loadbench.EXIT_USAGE;
            }
            err.println(Secrets.maskUrl("error: " + cmd.getCommandName() + ": " + e));
            return Loadbench.EXIT_FAILED;
        });
        return commandLine.execute(args);
    }

    /** What a plan runs, in one line (passwords masked): what render and run print first. */
    static String summary(ScaleOutPlan plan) {
        String load = plan.load().map(l -> "a load of " + l.dataset() + l.rows().map(r -> " (" + r + " rows)").orElse("")
                + " in " + l.shards() + " shards, then ").orElse("");
        return Secrets.maskUrl("run " + plan.runId() + ": " + load + plan.injectors() + " injectors of "
                + String.join(" ", plan.workloadArgs()) + " (" + plan.workloadDuration().toSeconds() + " s, deadline "
                + plan.injectorsDeadline().toSeconds() + " s) on " + plan.image() + ", results in "
                + plan.results().runUri(plan.runId()) + plan.namespace().map(ns -> ", namespace " + ns).orElse(""));
    }
}
