package io.loadbench.datastores.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The password of a server loadbench starts itself (embedded, or in a container): 24 random bytes from {@link SecureRandom}, URL-safe base64 (no
 * character that a URL, a config file or a shell would have to escape). Chosen anew for every server, held only in
 * memory and in owner-only files of the workspace, never written to a manifest or log.
 *
 * <p>Not drawn from the benchmark's seed (STYLE rule 5 is about data): a reproducible password would be no password.
 */
public final class ServerPassword {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 24;

    private ServerPassword() {
    }

    /** A new random password. */
    public static String generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Writes {@code content} to a new file only its owner can read. */
    static void writePrivateFile(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
