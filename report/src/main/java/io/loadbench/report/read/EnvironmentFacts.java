package io.loadbench.report.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The facts of a run that decide how fast it can go, in reading order, with human names: from the
 * manifest's {@code environment} and {@code target} (CPU, cores, memory, OS, JVM, server versions and every
 * recorded server setting) and, for a JMH run, the JVM its benchmarks forked ({@code jmh.json}'s JDK, VM
 * and JVM arguments, which {@code -jvm} and {@code -jvmArgs} change without touching the launcher's).
 * {@code compare} shows those that differ between runs.
 */
public final class EnvironmentFacts {

    private EnvironmentFacts() {
    }

    public static Map<String, String> of(SavedRun run) {
        Map<String, String> facts = of(run.manifest());
        if (!run.jmh().isEmpty()) {
            Map<String, String> withForks = new LinkedHashMap<>();
            facts.forEach((name, value) -> {
                withForks.put(name, value);
                if (name.equals("JVM flags")) {
                    JmhBenchmark first = run.jmh().get(0);
                    withForks.put("JMH fork JVM", join(orDash(first.vmName()), orDash(first.vmVersion())));
                    withForks.put("JMH fork JVM flags", first.jvmArgs().isEmpty() ? "none" : String.join(" ", first.jvmArgs()));
                    withForks.put("JMH", orDash(first.jmhVersion()));
                }
            });
            return withForks;
        }
        return facts;
    }

    private static String orDash(String text) {
        return text == null ? "-" : text;
    }

    public static Map<String, String> of(Manifest manifest) {
        JsonNode env = manifest.environment();
        JsonNode target = manifest.target();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("host", text(env.path("hostName")));
        facts.put("CPU", text(env.path("cpu").path("model")));
        facts.put("logical cores", text(env.path("cpu").path("logicalCores")));
        JsonNode memory = env.path("memory").path("totalBytes");
        facts.put("memory", memory.isNumber() ? gibibytes(memory.longValue()) : text(memory));
        JsonNode os = env.path("os");
        facts.put("OS", join(text(os.path("distribution")), text(os.path("name"))));
        facts.put("kernel", text(os.path("version")));
        facts.put("arch", text(os.path("arch")));
        JsonNode jvm = env.path("jvm");
        facts.put("JVM", join(text(jvm.path("vendor")), text(jvm.path("vmName")), text(jvm.path("version"))));
        String flags = Flatten.flatten(wrap(jvm.path("inputArguments"))).getOrDefault("v", "-");
        facts.put("JVM flags", flags.isEmpty() ? "none" : flags);
        facts.put("target", text(target.path("kind")));
        JsonNode postgres = target.path("postgres");
        if (!postgres.isMissingNode() && !postgres.isNull()) {
            facts.put("PostgreSQL", text(postgres.path("version")));
            Flatten.flatten(postgres.path("settings")).forEach((name, value) -> facts.put("PostgreSQL " + name, value));
        }
        JsonNode redis = target.path("redis");
        if (!redis.isMissingNode() && !redis.isNull()) {
            facts.put("Redis", join(text(redis.path("version")), text(redis.path("mode"))));
            Flatten.flatten(redis.path("config")).forEach((name, value) -> facts.put("Redis " + name, value));
        }
        facts.put("loadbench", join(text(manifest.raw().path("tool").path("version")),
                text(manifest.raw().path("tool").path("gitCommit"))));
        return facts;
    }

    private static JsonNode wrap(JsonNode node) {
        return JsonFiles.MAPPER.createObjectNode().set("v", node);
    }

    private static String gibibytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? "-" : node.asText();
    }

    private static String join(String... parts) {
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (!"-".equals(part)) {
                out.append(out.length() == 0 ? "" : " ").append(part);
            }
        }
        return out.length() == 0 ? "-" : out.toString();
    }
}
