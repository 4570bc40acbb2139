package io.loadbench.cli.k8s;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code loadbench k8s render}: the run's Jobs as YAML, to stdout or one file per Job. */
@Command(name = "render", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write the Jobs of a scaled-out run as Kubernetes YAML: the load's Indexed Job and its finish Job "
                + "(with --load), the injectors' Indexed Job, and the merge Job. Apply them in that order, each once "
                + "the one before it has completed ('loadbench k8s run' does), and the injectors within --start-delay "
                + "of rendering.",
        footer = {"", K8sCommand.VERSIONS, "",
                "Example:",
                "  loadbench k8s render --injectors 4 --results-uri s3://bench/runs --s3-secret s3-creds \\",
                "      --target-secret targets --pg-url postgresql://bench@pg:5432/bench cache --rate 20000 --duration 120s"})
final class RenderCommand implements Callable<Integer> {

    @Mixin
    ScaleOutOptions options;

    @Option(names = "--out", paramLabel = "DIR",
            description = "write one file per Job into DIR (01-<job>.yaml, ... in the order to apply them) instead of stdout")
    Path outDir;

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    private final RandomGenerator random;

    RenderCommand(PrintStream out, PrintStream err, Clock clock, RandomGenerator random) {
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public Integer call() throws IOException {
        ScaleOutPlan plan = options.plan(clock, random);
        JobManifests manifests = new JobManifests(plan);
        Instant now = clock.instant();
        List<JobManifests.Stage> stages = manifests.stages();
        List<String> files = new ArrayList<>();
        if (outDir != null) {
            Files.createDirectories(outDir);
        }
        for (int i = 0; i < stages.size(); i++) {
            JobManifests.Stage stage = stages.get(i);
            Job job = manifests.job(stage, now);
            String comment = (i + 1) + "/" + stages.size() + " " + job.getMetadata().getName() + ": " + stage.description()
                    + (i == 0 ? "" : "\napply once " + stages.get(i - 1).jobName(plan.runId()) + " has completed");
            String document = ManifestYaml.document(comment, job);
            if (outDir == null) {
                out.print(document);
            } else {
                Path file = outDir.resolve(String.format(java.util.Locale.ROOT, "%02d-%s.yaml", i + 1, job.getMetadata().getName()));
                Files.writeString(file, document);
                files.add(file.toString());
            }
        }
        files.forEach(out::println);
        out.flush();
        err.println(K8sCommand.summary(plan) + "; the injectors start at " + manifests.startAt(now)
                + ": apply them before then");
        return io.loadbench.cli.Loadbench.EXIT_OK;
    }
}
