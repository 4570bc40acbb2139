package io.loadbench.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The machine a run ran on, as written to {@code manifest.json} ({@code environment}): host, CPU model and logical
 * cores, total memory, OS/kernel/distribution, JVM vendor/version/VM and its input arguments. A value the
 * machine does not reveal is null, never guessed.
 *
 * @param hostName the host name, unsanitized
 */
@JsonPropertyOrder({"hostName", "cpu", "memory", "os", "jvm"})
public record EnvironmentInfo(String hostName, Cpu cpu, Memory memory, Os os, Jvm jvm) {

    /** @param model from {@code /proc/cpuinfo} ("model name"), null elsewhere */
    @JsonPropertyOrder({"model", "logicalCores"})
    public record Cpu(String model, Integer logicalCores) {
    }

    @JsonPropertyOrder({"totalBytes"})
    public record Memory(Long totalBytes) {
    }

    /** @param version the kernel release on Linux; @param distribution {@code PRETTY_NAME} of {@code /etc/os-release} */
    @JsonPropertyOrder({"name", "version", "arch", "distribution"})
    public record Os(String name, String version, String arch, String distribution) {
    }

    /** @param inputArguments the JVM's flags ({@code -Xmx4g}, {@code -XX:...}); secrets in them are masked on write */
    @JsonPropertyOrder({"vendor", "version", "vmName", "inputArguments"})
    public record Jvm(String vendor, String version, String vmName, List<String> inputArguments) {
    }

    /** Reads this machine and this JVM. */
    public static EnvironmentInfo capture() {
        Cpu cpu = new Cpu(cpuModel(), Runtime.getRuntime().availableProcessors());
        Memory memory = new Memory(totalMemoryBytes());
        Os os = new Os(System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
                distribution());
        Jvm jvm = new Jvm(System.getProperty("java.vm.vendor"), System.getProperty("java.runtime.version",
                System.getProperty("java.version")), System.getProperty("java.vm.name"), inputArguments());
        return new EnvironmentInfo(Labels.hostName(), cpu, memory, os, jvm);
    }

    static String cpuModel() {
        for (String line : readLines(Path.of("/proc/cpuinfo"))) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("model name") || lower.startsWith("hardware") || lower.startsWith("cpu model")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    String value = line.substring(colon + 1).strip();
                    if (!value.isEmpty()) {
                        return value;
                    }
                }
            }
        }
        return null;
    }

    static Long totalMemoryBytes() {
        for (String line : readLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                String[] parts = line.substring("MemTotal:".length()).trim().split("\\s+");
                try {
                    return Long.parseLong(parts[0]) * 1024L;
                } catch (NumberFormatException e) {
                    break;
                }
            }
        }
        java.lang.management.OperatingSystemMXBean bean = ManagementFactory.getOperatingSystemMXBean();
        if (bean instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) bean).getTotalMemorySize();
        }
        return null;
    }

    static String distribution() {
        for (String line : readLines(Path.of("/etc/os-release"))) {
            if (line.startsWith("PRETTY_NAME=")) {
                String value = line.substring("PRETTY_NAME=".length()).strip();
                if (value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    private static List<String> inputArguments() {
        try {
            return List.copyOf(ManagementFactory.getRuntimeMXBean().getInputArguments());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
