package io.loadbench.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.nio.file.Path;
import java.util.List;

/**
 * The machine a run ran on, as written to {@code manifest.json} ({@code environment}): host, CPU (model, physical
 * and logical cores, frequency, caches), memory, the disk holding the run's data, virtualisation, OS/kernel and the
 * JVM. {@link #capture(Path)} reads it through OSHI. A value the machine does not reveal is null, never guessed; a
 * manifest of schema version 1 has only host, CPU model and logical cores, total memory, OS and JVM (the rest reads
 * as null).
 *
 * @param hostName       the host name, unsanitized
 * @param disk           the disk holding the run folder's directory; null when it cannot be told (e.g. an overlay)
 * @param virtualization what the machine says about a hypervisor; null in schema version 1
 */
@JsonPropertyOrder({"hostName", "cpu", "memory", "disk", "virtualization", "os", "jvm"})
public record EnvironmentInfo(String hostName, Cpu cpu, Memory memory, Disk disk, Virtualization virtualization, Os os,
                              Jvm jvm) {

    /**
     * @param model          the processor's name ({@code AMD EPYC 7B13})
     * @param packages       CPU sockets
     * @param maxFrequencyHz the highest frequency the processor reports; null when unknown
     * @param caches         one entry per cache level and type, as the processor reports them
     */
    @JsonPropertyOrder({"model", "packages", "physicalCores", "logicalCores", "maxFrequencyHz", "caches"})
    public record Cpu(String model, Integer packages, Integer physicalCores, Integer logicalCores, Long maxFrequencyHz,
                      List<Cache> caches) {
    }

    /** @param type {@code UNIFIED}, {@code DATA}, {@code INSTRUCTION} or {@code TRACE} */
    @JsonPropertyOrder({"level", "type", "sizeBytes"})
    public record Cache(int level, String type, long sizeBytes) {
    }

    @JsonPropertyOrder({"totalBytes", "swapTotalBytes"})
    public record Memory(Long totalBytes, Long swapTotalBytes) {
    }

    /**
     * The disk a run's data lands on (best effort: the disk holding the results directory; an embedded server's
     * data directory is under {@code java.io.tmpdir}, which is often the same file system).
     *
     * @param path       the directory that was looked up
     * @param mount      the mount point holding it
     * @param fileSystem its file-system type ({@code ext4}, {@code xfs}, {@code overlay})
     * @param device     the block device ({@code /dev/nvme0n1})
     * @param model      the device's model as the OS reports it; null when it says "unknown" (common in VMs)
     * @param rotational the disk's type as the kernel reports it: true for a spinning disk, false for SSD/NVMe and
     *                   for most virtual disks; null when unknown
     */
    @JsonPropertyOrder({"path", "mount", "fileSystem", "device", "model", "rotational", "sizeBytes"})
    public record Disk(String path, String mount, String fileSystem, String device, String model, Boolean rotational,
                       Long sizeBytes) {
    }

    /**
     * @param hypervisor true when the CPU flags say the OS runs under a hypervisor ({@code hypervisor} on x86), false
     *                   when they say it does not, null when the CPU has no such flag
     * @param vendor     the system's manufacturer from its firmware ({@code QEMU}, {@code Amazon EC2}); null when unknown
     * @param model      the system's model from its firmware; null when unknown
     */
    @JsonPropertyOrder({"hypervisor", "vendor", "model"})
    public record Virtualization(Boolean hypervisor, String vendor, String model) {
    }

    /** @param version the kernel release on Linux; @param distribution the distribution and its version */
    @JsonPropertyOrder({"name", "version", "arch", "distribution"})
    public record Os(String name, String version, String arch, String distribution) {
    }

    /** @param inputArguments the JVM's flags ({@code -Xmx4g}, {@code -XX:...}); secrets in them are masked on write */
    @JsonPropertyOrder({"vendor", "version", "vmName", "inputArguments"})
    public record Jvm(String vendor, String version, String vmName, List<String> inputArguments) {
    }

    /**
     * Reads this machine and this JVM through OSHI.
     *
     * @param dataDirectory the directory whose disk is recorded (the results directory); it need not exist yet
     */
    public static EnvironmentInfo capture(Path dataDirectory) {
        return EnvironmentCapture.capture(dataDirectory);
    }
}
