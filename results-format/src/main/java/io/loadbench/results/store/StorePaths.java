package io.loadbench.results.store;

import io.loadbench.results.shard.ShardMarker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What every store does the same way: checking relative paths, and the order a folder is uploaded in. */
final class StorePaths {

    /** A URI scheme: a letter, then letters, digits, {@code + . -}; two characters at least, so {@code C:\} is a path. */
    static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]+):.*", Pattern.DOTALL);

    private StorePaths() {
    }

    /**
     * {@code relativePath} checked: {@code /}-separated segments, none empty, {@code .} or {@code ..}; a trailing
     * {@code /} is dropped. {@code ""} is the store's root only where {@code rootAllowed}.
     */
    static String relative(String storeUri, String relativePath, boolean rootAllowed) {
        String path = relativePath == null ? "" : relativePath;
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.isEmpty()) {
            if (rootAllowed) {
                return path;
            }
            throw new ResultStoreException(storeUri + ": a path inside the store is needed here, not its root");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.contains("\\")) {
                throw new ResultStoreException(storeUri + ": '" + relativePath + "' is not a relative path inside the store "
                        + "(segments separated by '/', none empty, '.' or '..')");
            }
        }
        return path;
    }

    /**
     * Every file below {@code localDir}, as {@code /}-separated paths relative to it, sorted, with the completion
     * marker last: a reader that finds the marker finds every other file already there.
     */
    static List<String> uploadOrder(String storeUri, Path localDir) {
        if (!Files.isDirectory(localDir)) {
            throw new ResultStoreException(storeUri + ": cannot upload " + localDir + ": no such folder");
        }
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(localDir)) {
            walk.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).forEach(file -> {
                List<String> segments = new ArrayList<>();
                localDir.relativize(file).forEach(segment -> segments.add(segment.toString()));
                files.add(String.join("/", segments));
            });
        } catch (IOException | UncheckedIOException e) {
            throw new ResultStoreException(storeUri + ": cannot read " + localDir + ": " + e.getMessage(), e);
        }
        if (files.remove(ShardMarker.FILE)) {
            files.add(ShardMarker.FILE);
        }
        return files;
    }

    /** {@code localDir} created and empty, where a download may go. */
    static void emptyTarget(String storeUri, Path localDir) {
        try {
            Files.createDirectories(localDir);
            try (Stream<Path> entries = Files.list(localDir)) {
                if (entries.findAny().isPresent()) {
                    throw new ResultStoreException(storeUri + ": cannot download into " + localDir + ": it is not empty");
                }
            }
        } catch (IOException e) {
            throw new ResultStoreException(storeUri + ": cannot create " + localDir + ": " + e.getMessage(), e);
        }
    }
}
