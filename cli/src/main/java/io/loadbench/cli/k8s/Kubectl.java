package io.loadbench.cli.k8s;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The {@code kubectl} that {@code loadbench k8s run} drives, one bounded call at a time: every call carries
 * {@code --request-timeout} and is killed when it has not ended within {@link #CALL_TIMEOUT}, so no call can hang the
 * run. The context and namespace options are added to every call.
 */
final class Kubectl {

    /** The variable naming the kubectl to use (the tests' fake one), before the PATH is searched. */
    static final String KUBECTL_ENV = "LB_KUBECTL";
    /** What kubectl is told to allow the API server per request. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** The longest one kubectl process may take: the request's own bound and its start and output. */
    static final Duration CALL_TIMEOUT = REQUEST_TIMEOUT.plusSeconds(30);

    /** The output of one call that ended with exit code 0. */
    record Output(String stdout, String stderr) {
    }

    private final Path executable;
    private final List<String> scope;
    private final Map<String, String> env;

    Kubectl(Path executable, Optional<String> context, Optional<String> namespace, Map<String, String> env) {
        this.executable = executable;
        List<String> scope = new ArrayList<>();
        context.ifPresent(name -> scope.addAll(List.of("--context", name)));
        namespace.ifPresent(name -> scope.addAll(List.of("--namespace", name)));
        this.scope = List.copyOf(scope);
        this.env = env;
    }

    /**
     * The kubectl to run: {@code --kubectl} as given, else {@value #KUBECTL_ENV}, else the first {@code kubectl} on the
     * {@code PATH} of {@code env}.
     *
     * @throws KubectlException (one line) when there is none
     */
    static Path locate(Optional<String> option, Map<String, String> env) {
        Optional<String> named = option.or(() -> Optional.ofNullable(env.get(KUBECTL_ENV)).filter(s -> !s.isBlank()));
        if (named.isPresent()) {
            Path path = Path.of(named.get());
            if (!Files.isExecutable(path)) {
                throw new KubectlException("kubectl not found: " + path + " (from " + (option.isPresent() ? "--kubectl"
                        : KUBECTL_ENV) + ") is not an executable file");
            }
            return path;
        }
        String searchPath = env.getOrDefault("PATH", "");
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "kubectl"))) {
                return Path.of(dir, "kubectl");
            }
        }
        throw new KubectlException("kubectl not found on the PATH: install it (https://kubernetes.io/docs/tasks/tools/), "
                + "or name it with --kubectl or " + KUBECTL_ENV);
    }

    /** {@code kubectl apply -f -} with the manifests on stdin. */
    Output apply(String manifests) {
        return call(List.of("apply", "-f", "-"), manifests);
    }

    /** {@code kubectl get job NAME -o json}. */
    String jobJson(String name) {
        return call(List.of("get", "job", name, "-o", "json"), null).stdout();
    }

    /** The last lines of the log of a Job's pod. */
    String logs(String jobName, int tailLines) {
        return call(List.of("logs", "job/" + jobName, "--tail=" + tailLines), null).stdout();
    }

    /** {@code kubectl version -o json}: the client's and the server's versions. */
    String versionJson() {
        return call(List.of("version", "-o", "json"), null).stdout();
    }

    /**
     * Runs {@code kubectl SCOPE ARGS --request-timeout=30s}, feeding {@code stdin} when given.
     *
     * @throws KubectlException when it cannot start, does not end in time, or ends with another exit code than 0
     */
    Output call(List<String> args, String stdin) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(scope);
        command.addAll(args);
        command.add("--request-timeout=" + REQUEST_TIMEOUT.toSeconds() + "s");
        String shown = "kubectl " + String.join(" ", args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new KubectlException(shown + ": could not start " + executable + ": " + e.getMessage());
        }
        try {
            CompletableFuture<String> out = drain(process.getInputStream());
            CompletableFuture<String> err = drain(process.getErrorStream());
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new KubectlException(shown + ": no answer within " + CALL_TIMEOUT.toSeconds() + " s");
            }
            Output output = new Output(out.join(), err.join());
            if (process.exitValue() != 0) {
                String why = output.stderr().lines().filter(line -> !line.isBlank()).findFirst().orElse("no message");
                throw new KubectlException(shown + ": exit code " + process.exitValue() + ": " + why);
            }
            return output;
        } catch (IOException e) {
            throw new KubectlException(shown + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubectlException(shown + ": interrupted");
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    /** Reads a stream to its end on a thread of its own (the common pool may have one thread on a small machine). */
    private static CompletableFuture<String> drain(InputStream stream) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (stream) {
                text.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.complete("");
            }
        }, "kubectl-output");
        reader.setDaemon(true);
        reader.start();
        return text;
    }

    /** A kubectl call that failed, as one line: the call and why. */
    static final class KubectlException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        KubectlException(String message) {
            super(message);
        }
    }
}
