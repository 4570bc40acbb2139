package io.loadbench.results.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * A results store in a folder of this machine (a local disk, or a volume every shard mounts): {@code file:///PATH} or
 * a plain path. Each file is written beside its target under a temporary name and moved into place, so a reader never
 * sees half a file, and the completion marker appears only once the rest is there.
 */
public final class FileResultStore implements ResultStore {

    private static final String PART_SUFFIX = ".part";

    private final Path root;

    public FileResultStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The folder the store is. */
    public Path root() {
        return root;
    }

    @Override
    public String uri() {
        return root.toUri().toString();
    }

    @Override
    public void upload(Path localDir, String relativePath) {
        String path = StorePaths.relative(uri(), relativePath, false);
        Path target = root.resolve(path);
        if (Files.exists(target)) {
            throw new ResultStoreException(uri() + ": " + path + " already exists; an upload never replaces one");
        }
        for (String file : StorePaths.uploadOrder(uri(), localDir)) {
            Path to = target.resolve(file);
            Path part = to.resolveSibling(to.getFileName() + PART_SUFFIX);
            try {
                Files.createDirectories(to.getParent());
                Files.copy(localDir.resolve(file), part, StandardCopyOption.REPLACE_EXISTING);
                Files.move(part, to, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new ResultStoreException(uri() + ": cannot upload " + path + "/" + file + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public Path download(String relativePath, Path localDir) {
        String path = StorePaths.relative(uri(), relativePath, false);
        Path source = root.resolve(path);
        if (!Files.isDirectory(source)) {
            throw new ResultStoreException(uri() + ": nothing at " + path);
        }
        StorePaths.emptyTarget(uri(), localDir);
        for (String file : StorePaths.uploadOrder(uri(), source)) {
            Path to = localDir.resolve(file);
            try {
                Files.createDirectories(to.getParent());
                Files.copy(source.resolve(file), to);
            } catch (IOException e) {
                throw new ResultStoreException(uri() + ": cannot download " + path + "/" + file + ": " + e.getMessage(), e);
            }
        }
        return localDir;
    }

    @Override
    public List<String> list(String relativePath) {
        String path = StorePaths.relative(uri(), relativePath, true);
        Path dir = path.isEmpty() ? root : root.resolve(path);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(entry -> entry.getFileName().toString()).filter(name -> !name.endsWith(PART_SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new ResultStoreException(uri() + ": cannot list " + path + ": " + e.getMessage(), e);
        }
    }
}
