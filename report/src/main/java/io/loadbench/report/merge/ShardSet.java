package io.loadbench.report.merge;

import io.loadbench.report.ReportException;
import io.loadbench.report.read.RunReader;
import io.loadbench.report.read.SavedRun;
import io.loadbench.results.RunManifest;
import io.loadbench.results.shard.Shard;
import io.loadbench.results.shard.ShardContract;
import io.loadbench.results.shard.ShardMarker;
import io.loadbench.results.shard.ShardTiming;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The shard folders of one scaled-out run, read from its run-id folder ({@code <results>/<run-id>/shard-<i>/}, a
 * second attempt of shard {@code i} in {@code shard-<i>-2}, …) and checked against the shard contract before anything
 * is merged. {@link #read} refuses, with one line naming the folders:
 * <ul>
 *   <li>a shard folder without its completion marker ({@value ShardMarker#FILE}), which the shard writes last;</li>
 *   <li>a folder whose marker, manifest and name disagree on the shard it holds, or on the run id (the run-id
 *       folder's name is the run id);</li>
 *   <li>shards that disagree on the shard count;</li>
 *   <li>two folders holding the same shard index (two attempts that both finished: the user decides which counts);</li>
 *   <li>a set of indexes that is not exactly {@code 0 .. count-1}.</li>
 * </ul>
 *
 * @param shards one per index, sorted by index
 */
public record ShardSet(Path dir, String runId, int count, List<ShardFolder> shards) {

    /** {@code shard-<index>} or {@code shard-<index>-<attempt>}. */
    private static final Pattern FOLDER = Pattern.compile("shard-([0-9]{1,9})(?:-([0-9]{1,9}))?");
    private static final String FOLDER_PREFIX = "shard-";

    public ShardSet {
        shards = List.copyOf(shards);
    }

    /**
     * One shard's folder.
     *
     * @param run    the run read from it
     * @param marker the completion marker it wrote last
     * @param timing the start and clock offset a sharded injector records; empty for a load's shard
     */
    public record ShardFolder(SavedRun run, ShardMarker marker, Optional<ShardTiming> timing) {

        /** The folder's name, e.g. {@code shard-1-2}. */
        public String folder() {
            return run.id();
        }

        public Shard shard() {
            return marker.shard();
        }
    }

    /** The runs of every shard, by index. */
    public List<SavedRun> runs() {
        return shards.stream().map(ShardFolder::run).toList();
    }

    /**
     * Reads and checks every {@code shard-*} folder of {@code runIdDir}.
     *
     * @throws ReportException naming the folders of the first rule broken
     */
    public static ShardSet read(Path runIdDir) {
        List<Path> folders = shardFolders(runIdDir);
        String runId = String.valueOf(runIdDir.toAbsolutePath().normalize().getFileName());
        List<String> unmarked = folders.stream().filter(dir -> ShardMarker.readFrom(dir).isEmpty()).map(ShardSet::name).toList();
        if (!unmarked.isEmpty()) {
            // the marker is written last: without it the folder may still be filling, or never will
            throw new ReportException(String.join(", ", unmarked) + ": no completion marker (still running, killed, or cut "
                    + "short; " + ShardMarker.FILE + " is written last)");
        }
        List<ShardFolder> read = new ArrayList<>();
        for (Path dir : folders) {
            read.add(checked(dir, runId));
        }
        int count = checkCounts(read);
        Map<Integer, List<ShardFolder>> byIndex = new TreeMap<>(read.stream()
                .collect(Collectors.groupingBy(shard -> shard.shard().index())));
        for (Map.Entry<Integer, List<ShardFolder>> index : byIndex.entrySet()) {
            if (index.getValue().size() > 1) {
                throw new ReportException(folderNames(index.getValue()) + ": duplicate shard index " + index.getKey()
                        + " (each holds shard " + index.getKey() + "/" + count + "); move away the attempt that should not count");
            }
        }
        List<String> missing = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            if (!byIndex.containsKey(index)) {
                missing.add(String.valueOf(index));
            }
        }
        if (!missing.isEmpty()) {
            throw new ReportException(runIdDir + ": missing shard" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                    + " of 0.." + (count - 1) + " (found " + folderNames(read) + ")");
        }
        List<ShardFolder> sorted = byIndex.values().stream().map(list -> list.get(0)).toList();
        return new ShardSet(runIdDir, runId, count, sorted);
    }

    private static List<Path> shardFolders(Path runIdDir) {
        if (!Files.isDirectory(runIdDir)) {
            throw new ReportException(runIdDir + ": no such run-id folder");
        }
        List<Path> folders;
        try (Stream<Path> entries = Files.list(runIdDir)) {
            folders = entries.filter(Files::isDirectory).filter(dir -> name(dir).startsWith(FOLDER_PREFIX)).toList();
        } catch (IOException e) {
            throw new ReportException(runIdDir + ": cannot list: " + e.getMessage(), e);
        }
        if (folders.isEmpty()) {
            throw new ReportException(runIdDir + ": no shard-* folders (a scaled-out run writes <run-id>/shard-<index>/)");
        }
        for (Path dir : folders) {
            if (!FOLDER.matcher(name(dir)).matches()) {
                throw new ReportException(name(dir) + ": not a shard folder name (shard-<index> or shard-<index>-<attempt>)");
            }
        }
        return folders.stream().sorted(Comparator.comparing((Path dir) -> folderIndex(name(dir)))
                .thenComparing(ShardSet::name)).toList();
    }

    /** Reads one folder and checks that its name, marker and manifest tell the same shard of the same run. */
    private static ShardFolder checked(Path dir, String runId) {
        String name = name(dir);
        ShardMarker marker = ShardMarker.readFrom(dir).orElseThrow();
        SavedRun run = RunReader.read(dir);
        RunManifest manifest = run.manifest();
        Shard recorded;
        Optional<ShardTiming> timing;
        try {
            recorded = ShardContract.shardOf(manifest).orElseThrow(() -> new ReportException(name
                    + ": manifest.json records no shard (parameters." + ShardContract.SHARD_KEY + "); not a shard of a scaled-out run"));
            timing = ShardTiming.of(manifest);
        } catch (IllegalArgumentException e) {
            throw new ReportException(name + ": manifest.json: " + e.getMessage(), e);
        }
        if (!recorded.equals(marker.shard())) {
            throw new ReportException(name + ": " + ShardMarker.FILE + " says shard " + marker.shard() + ", manifest.json says "
                    + recorded);
        }
        if (folderIndex(name) != recorded.index()) {
            throw new ReportException(name + ": the folder is named for shard " + folderIndex(name) + " but holds shard " + recorded);
        }
        String manifestRunId = ShardContract.runIdOf(manifest).orElseThrow(() -> new ReportException(name
                + ": manifest.json records no run id (parameters." + ShardContract.RUN_ID_KEY + ")"));
        if (!marker.runId().equals(manifestRunId)) {
            throw new ReportException(name + ": run ids disagree: " + ShardMarker.FILE + " says '" + marker.runId()
                    + "', manifest.json says '" + manifestRunId + "'");
        }
        if (!manifestRunId.equals(runId)) {
            throw new ReportException(name + ": run ids disagree: the shard ran as '" + manifestRunId + "' but lies in the folder of run '"
                    + runId + "'");
        }
        return new ShardFolder(run, marker, timing);
    }

    private static int checkCounts(List<ShardFolder> shards) {
        Map<Integer, List<ShardFolder>> byCount = new TreeMap<>(shards.stream().collect(Collectors.groupingBy(s -> s.shard().count())));
        if (byCount.size() > 1) {
            List<String> claims = new ArrayList<>();
            byCount.forEach((count, holders) -> claims.add(folderNames(holders) + " of " + count));
            throw new ReportException("shard counts disagree: " + String.join("; ", claims));
        }
        return byCount.keySet().iterator().next();
    }

    private static int folderIndex(String name) {
        Matcher matcher = FOLDER.matcher(name);
        if (!matcher.matches()) {
            throw new IllegalStateException("not a shard folder: " + name);
        }
        return Integer.parseInt(matcher.group(1));
    }

    private static String folderNames(List<ShardFolder> shards) {
        return shards.stream().map(ShardFolder::folder).collect(Collectors.joining(", "));
    }

    private static String name(Path dir) {
        return String.valueOf(dir.getFileName());
    }
}
