package io.loadbench.results;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Machine labels ({@code --label}) and run names as they appear in run-folder names: lower-case, characters
 * outside {@code [a-z0-9.-]} replaced by {@code -}.
 */
public final class Labels {

    private Labels() {
    }

    /** The host name, sanitized; {@code unknown-host} when the machine will not say. */
    public static String defaultLabel() {
        String host = hostName();
        return host == null ? "unknown-host" : sanitize(host);
    }

    /** Lower-cases (locale-independently) and replaces every character outside {@code [a-z0-9.-]} with {@code -}. */
    public static String sanitize(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a label or run name must not be empty");
        }
        String lower = text.strip().toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
            out.append(allowed ? c : '-');
        }
        return out.toString();
    }

    /** The machine's host name, or null: {@code HOSTNAME}, {@code /etc/hostname}, then the resolver. */
    static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        try {
            String file = Files.readString(Path.of("/etc/hostname"), StandardCharsets.UTF_8).strip();
            if (!file.isEmpty()) {
                return file;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or unreadable: ask the resolver
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return null;
        }
    }
}
