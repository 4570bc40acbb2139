package io.loadbench.report.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadbench.results.EnvironmentInfo;
import io.loadbench.results.RunManifest;
import io.loadbench.results.ToolInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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

    public static Map<String, String> of(RunManifest manifest) {
        Optional<EnvironmentInfo> env = manifest.environment();
        JsonNode target = JsonFiles.MAPPER.valueToTree(manifest.target().orElse(Map.of()));
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("host", text(env.map(EnvironmentInfo::hostName)));
        Optional<EnvironmentInfo.Cpu> cpu = env.map(EnvironmentInfo::cpu);
        facts.put("CPU", text(cpu.map(EnvironmentInfo.Cpu::model)));
        facts.put("logical cores", text(cpu.map(EnvironmentInfo.Cpu::logicalCores)));
        // the facts below exist from manifest schema version 2 on: shown when recorded, so older runs read as before
        putIfKnown(facts, "physical cores", cpu.map(EnvironmentInfo.Cpu::physicalCores));
        putIfKnown(facts, "CPU max frequency", cpu.map(EnvironmentInfo.Cpu::maxFrequencyHz)
                .map(hz -> String.format(Locale.ROOT, "%.2f GHz", hz / 1e9)));
        putIfKnown(facts, "CPU caches", cpu.map(EnvironmentInfo.Cpu::caches).filter(caches -> !caches.isEmpty())
                .map(EnvironmentFacts::caches));
        facts.put("memory", env.map(EnvironmentInfo::memory).map(EnvironmentInfo.Memory::totalBytes)
                .map(EnvironmentFacts::gibibytes).orElse("-"));
        putIfKnown(facts, "swap", env.map(EnvironmentInfo::memory).map(EnvironmentInfo.Memory::swapTotalBytes)
                .map(EnvironmentFacts::gibibytes));
        putIfKnown(facts, "disk", env.map(EnvironmentInfo::disk).map(EnvironmentFacts::disk));
        putIfKnown(facts, "virtualization", env.map(EnvironmentInfo::virtualization).map(EnvironmentFacts::virtualization));
        Optional<EnvironmentInfo.Os> os = env.map(EnvironmentInfo::os);
        facts.put("OS", join(text(os.map(EnvironmentInfo.Os::distribution)), text(os.map(EnvironmentInfo.Os::name))));
        facts.put("kernel", text(os.map(EnvironmentInfo.Os::version)));
        facts.put("arch", text(os.map(EnvironmentInfo.Os::arch)));
        Optional<EnvironmentInfo.Jvm> jvm = env.map(EnvironmentInfo::jvm);
        facts.put("JVM", join(text(jvm.map(EnvironmentInfo.Jvm::vendor)), text(jvm.map(EnvironmentInfo.Jvm::vmName)),
                text(jvm.map(EnvironmentInfo.Jvm::version))));
        Optional<List<String>> flags = jvm.map(EnvironmentInfo.Jvm::inputArguments);
        facts.put("JVM flags", flags.map(list -> list.isEmpty() ? "none" : String.join(" ", list)).orElse("-"));
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
        Optional<ToolInfo> tool = manifest.tool();
        facts.put("loadbench", join(text(tool.map(ToolInfo::version)), text(tool.map(ToolInfo::gitCommit))));
        return facts;
    }

    private static void putIfKnown(Map<String, String> facts, String name, Optional<?> value) {
        value.ifPresent(known -> facts.put(name, String.valueOf(known)));
    }

    /** {@code L1 DATA 32 KiB, L1 INSTRUCTION 32 KiB, L2 UNIFIED 1024 KiB, …} */
    private static String caches(List<EnvironmentInfo.Cache> caches) {
        List<String> parts = caches.stream()
                .map(cache -> "L" + cache.level() + " " + cache.type().toLowerCase(Locale.ROOT) + " " + cache.sizeBytes() / 1024 + " KiB")
                .toList();
        return String.join(", ", parts);
    }

    /** {@code ext4 on /dev/nvme0n1 (nvme_card-pd, non-rotational, 256.0 GiB)} */
    private static String disk(EnvironmentInfo.Disk disk) {
        List<String> details = new ArrayList<>();
        Optional.ofNullable(disk.model()).ifPresent(details::add);
        Optional.ofNullable(disk.rotational()).map(rotational -> rotational ? "rotational" : "non-rotational").ifPresent(details::add);
        Optional.ofNullable(disk.sizeBytes()).map(EnvironmentFacts::gibibytes).ifPresent(details::add);
        return join(orDash(disk.fileSystem()), "on", orDash(disk.device()))
                + (details.isEmpty() ? "" : " (" + String.join(", ", details) + ")");
    }

    /** {@code hypervisor (Google Compute Engine)}, {@code none}, or the firmware's vendor and model alone. */
    private static String virtualization(EnvironmentInfo.Virtualization virtualization) {
        String system = join(orDash(virtualization.vendor()), orDash(virtualization.model()));
        String hypervisor = virtualization.hypervisor() == null ? "-" : virtualization.hypervisor() ? "hypervisor" : "none";
        if ("-".equals(system)) {
            return hypervisor;
        }
        return "-".equals(hypervisor) ? system : hypervisor + " (" + system + ")";
    }

    private static String text(Optional<?> value) {
        return value.map(String::valueOf).orElse("-");
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
