package io.loadbench.results;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Masks passwords in text that may reach a user or a file: URLs with user info, {@code password=} query
 * parameters, and parameters whose name says they are secret.
 */
public final class Secrets {
    /** What a masked secret looks like, everywhere. */
    public static final String MASK = "****";

    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(://[^/?#@:]*:)[^/?#@]*@");
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("((?:password|passwd|pwd|secret)[^=&;\\s]*=)[^&;\\s]*", Pattern.CASE_INSENSITIVE);

    private Secrets() {
    }

    /** Replaces the password of any {@code scheme://user:password@} and any {@code password=value} in the text. */
    public static String maskUrl(String text) {
        if (text == null) {
            return null;
        }
        String masked = USER_INFO_PASSWORD.matcher(text).replaceAll("$1" + MASK + "@");
        return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1" + MASK);
    }

    /** True for a parameter name that holds a secret: it contains {@code password} or {@code secret}. */
    public static boolean isSecretName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.contains("password") || lower.contains("secret") || lower.contains("passwd");
    }

    /**
     * Masks a password occurring verbatim in a message (a driver may echo it, e.g. in a URL) and any URL
     * password; {@code password} may be null.
     */
    public static String maskIn(String message, String password) {
        if (message == null) {
            return null;
        }
        String masked = message;
        if (password != null && !password.isEmpty()) {
            masked = masked.replace(password, MASK);
        }
        return maskUrl(masked);
    }
}
