package io.loadbench.results;

import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OSFileStore;
import oshi.software.os.OperatingSystem;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link EnvironmentInfo#capture(Path)}: the machine as OSHI reads it. Each fact is read on its own, so one that OSHI
 * cannot read on this platform (it throws, or says {@code unknown}) is null and the others are still recorded.
 */
final class EnvironmentCapture {

    /** What OSHI reports for a value it could not read. */
    private static final String OSHI_UNKNOWN = "unknown";

    private EnvironmentCapture() {
    }

    static EnvironmentInfo capture(Path dataDirectory) {
        SystemInfo system = new SystemInfo();
        HardwareAbstractionLayer hardware = system.getHardware();
        OperatingSystem os = system.getOperatingSystem();
        CentralProcessor processor = orNull(hardware::getProcessor);
        return new EnvironmentInfo(Labels.hostName(), cpu(processor), memory(orNull(hardware::getMemory)),
                orNull(() -> disk(hardware, os, dataDirectory)), virtualization(hardware, processor), os(os), jvm());
    }

    private static EnvironmentInfo.Cpu cpu(CentralProcessor processor) {
        if (processor == null) {
            return new EnvironmentInfo.Cpu(null, null, null, Runtime.getRuntime().availableProcessors(), null, null);
        }
        return new EnvironmentInfo.Cpu(known(orNull(() -> processor.getProcessorIdentifier().getName())),
                positive(orNull(processor::getPhysicalPackageCount)), positive(orNull(processor::getPhysicalProcessorCount)),
                positive(orNull(processor::getLogicalProcessorCount)), positive(orNull(processor::getMaxFreq)),
                orNull(() -> caches(processor)));
    }

    private static List<EnvironmentInfo.Cache> caches(CentralProcessor processor) {
        return processor.getProcessorCaches().stream()
                .map(cache -> new EnvironmentInfo.Cache(cache.getLevel(), cache.getType().name(),
                        Integer.toUnsignedLong(cache.getCacheSize())))
                .distinct()
                .sorted(Comparator.comparingInt(EnvironmentInfo.Cache::level).thenComparing(EnvironmentInfo.Cache::type))
                .toList();
    }

    private static EnvironmentInfo.Memory memory(GlobalMemory memory) {
        if (memory == null) {
            return new EnvironmentInfo.Memory(null, null);
        }
        return new EnvironmentInfo.Memory(positive(orNull(memory::getTotal)),
                orNull(() -> memory.getVirtualMemory().getSwapTotal()));
    }

    /**
     * The file store whose mount point is the longest prefix of the directory (or of its nearest existing parent),
     * and the disk that holds that file store's volume (the disk itself or one of its partitions).
     */
    private static EnvironmentInfo.Disk disk(HardwareAbstractionLayer hardware, OperatingSystem os, Path dataDirectory) {
        Path directory = existingAncestor(dataDirectory.toAbsolutePath().normalize());
        Optional<OSFileStore> store = os.getFileSystem().getFileStores().stream()
                .filter(candidate -> directory.startsWith(candidate.getMount()))
                .max(Comparator.comparingInt(candidate -> candidate.getMount().length()));
        if (store.isEmpty()) {
            return null;
        }
        String volume = store.get().getVolume();
        Optional<HWDiskStore> disk = hardware.getDiskStores().stream()
                .filter(candidate -> candidate.getName().equals(volume) || candidate.getPartitions().stream()
                        .anyMatch(partition -> volume.equals(partition.getIdentification())
                                || volume.equals("/dev/" + partition.getIdentification())))
                .findFirst();
        String device = disk.map(HWDiskStore::getName).orElse(volume);
        return new EnvironmentInfo.Disk(recorded(dataDirectory), store.get().getMount(),
                known(store.get().getType()), device, disk.map(HWDiskStore::getModel).map(EnvironmentCapture::known).orElse(null),
                rotational(device), disk.map(HWDiskStore::getSize).map(EnvironmentCapture::positive).orElse(null));
    }

    /**
     * The kernel's {@code rotational} flag of a block device. OSHI reports a disk's model and size but not its type,
     * so this one sysfs file is read here; null off Linux or for a device without it.
     */
    private static Boolean rotational(String device) {
        String name = Path.of(device).getFileName().toString();
        try {
            String flag = Files.readString(Path.of("/sys/block", name, "queue", "rotational"), StandardCharsets.US_ASCII).strip();
            return flag.equals("1") ? Boolean.TRUE : flag.equals("0") ? Boolean.FALSE : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The directory as a manifest records it: relative to the working directory when it lies below it
     * ({@code results}), so that a run folder names no path of the machine it was made on; absolute otherwise.
     */
    static String recorded(Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        Path workingDirectory = Path.of("").toAbsolutePath().normalize();
        return absolute.startsWith(workingDirectory) && !absolute.equals(workingDirectory)
                ? workingDirectory.relativize(absolute).toString() : absolute.toString();
    }

    private static Path existingAncestor(Path path) {
        Path current = path;
        while (current != null && !Files.exists(current)) {
            current = current.getParent();
        }
        if (current == null) {
            return path;
        }
        try {
            return current.toRealPath();
        } catch (IOException e) {
            return current;
        }
    }

    private static EnvironmentInfo.Virtualization virtualization(HardwareAbstractionLayer hardware, CentralProcessor processor) {
        List<String> flags = processor == null ? List.of() : orElse(processor::getFeatureFlags, List.of());
        Boolean hypervisor = flags.isEmpty() ? null
                : flags.stream().anyMatch(line -> List.of(line.toLowerCase(Locale.ROOT).split("[\\s:]+")).contains("hypervisor"));
        return new EnvironmentInfo.Virtualization(hypervisor,
                known(orNull(() -> hardware.getComputerSystem().getManufacturer())),
                known(orNull(() -> hardware.getComputerSystem().getModel())));
    }

    private static EnvironmentInfo.Os os(OperatingSystem os) {
        String kernel = System.getProperty("os.version");
        if ("Linux".equals(System.getProperty("os.name"))) {
            // on Linux OSHI's build number is the kernel release (uname -r)
            kernel = Optional.ofNullable(known(orNull(() -> os.getVersionInfo().getBuildNumber()))).orElse(kernel);
        }
        String family = known(orNull(os::getFamily));
        String version = known(orNull(() -> os.getVersionInfo().getVersion()));
        String distribution = family == null ? null : version == null ? family : family + " " + version;
        return new EnvironmentInfo.Os(System.getProperty("os.name"), kernel, System.getProperty("os.arch"), distribution);
    }

    private static EnvironmentInfo.Jvm jvm() {
        return new EnvironmentInfo.Jvm(System.getProperty("java.vm.vendor"), System.getProperty("java.runtime.version",
                System.getProperty("java.version")), System.getProperty("java.vm.name"), orNull(
                () -> List.copyOf(ManagementFactory.getRuntimeMXBean().getInputArguments())));
    }

    private static String known(String value) {
        return value == null || value.isBlank() || value.strip().equalsIgnoreCase(OSHI_UNKNOWN) ? null : value.strip();
    }

    private static <N extends Number> N positive(N value) {
        return value == null || value.doubleValue() <= 0 ? null : value;
    }

    private static <T> T orNull(Supplier<T> read) {
        return orElse(read, null);
    }

    private static <T> T orElse(Supplier<T> read, T fallback) {
        try {
            T value = read.get();
            return value == null ? fallback : value;
        } catch (RuntimeException | LinkageError e) {
            // OSHI throws for what a platform does not offer, and JNA may be missing natives: the fact stays unknown
            return fallback;
        }
    }
}
