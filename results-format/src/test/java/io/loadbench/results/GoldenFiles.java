package io.loadbench.results;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The golden files of every format and schema version, kept forever under
 * {@code io/loadbench/results/golden/<format>/v<N>/} in the test resources.
 */
public final class GoldenFiles {

    private GoldenFiles() {
    }

    /** The text of {@code golden/<format>/<file>}, e.g. {@code text("scenario", "v1/scenario-no-cache.json")}. */
    public static String text(String format, String file) {
        String resource = "/io/loadbench/results/golden/" + format + "/" + file;
        try (InputStream in = GoldenFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The golden file copied into {@code dir} (readers take paths). */
    public static Path copy(Path dir, String format, String file) {
        return write(dir.resolve(file.replace('/', '-')), text(format, file));
    }

    /** The golden file with {@code from} replaced by {@code to}, written to {@code target}: a file a reader must reject. */
    public static Path edited(Path target, String format, String file, String from, String to) {
        String text = text(format, file);
        if (!text.contains(from)) {
            throw new IllegalArgumentException(file + " has no " + from);
        }
        return write(target, text.replace(from, to));
    }

    private static Path write(Path target, String text) {
        try {
            return Files.writeString(target, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
