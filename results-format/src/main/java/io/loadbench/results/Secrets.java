package io.loadbench.results;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Masks passwords in text that may reach a user or a file: URLs with user info, {@code password=} query
 * parameters, and parameters whose name says they are secret. The one place loadbench masks secrets: every
 * module (the read-only report included) depends on this module, so none needs a masking rule of its own.
 */
public final class Secrets {
    /** What a masked secret looks like, everywhere. */
    public static final String MASK = "****";

    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("((?:password|passwd|pwd|secret)[^=&;\\s]*=)[^&;\\s]*", Pattern.CASE_INSENSITIVE);
    /** A port after {@code host:} ends the authority, so {@code host:5432/db?user=a@b} holds no password. */
    private static final Pattern PORT_THEN_END_OF_AUTHORITY = Pattern.compile("\\d{1,5}(?:[/?#]|$)");

    private Secrets() {
    }

    /**
     * Replaces the password of any {@code scheme://user:password@} and any {@code password=value} in the text.
     *
     * <p>The password runs from the first {@code :} of the user info to the <em>last</em> {@code @} before the next
     * whitespace, so characters people put in passwords without percent-encoding them ({@code @ / ? # : %}) are
     * masked too. When in doubt this masks more than the password (a later {@code @} in the same URL's query is
     * taken as the end of the user info), never less.
     */
    public static String maskUrl(String text) {
        if (text == null) {
            return null;
        }
        return PASSWORD_PARAMETER.matcher(maskUserInfoPasswords(text)).replaceAll("$1" + MASK);
    }

    private static String maskUserInfoPasswords(String text) {
        StringBuilder masked = new StringBuilder(text.length());
        int copied = 0;
        int scheme = text.indexOf("://");
        while (scheme >= 0) {
            int authority = scheme + 3;
            int runEnd = authority;
            while (runEnd < text.length() && !Character.isWhitespace(text.charAt(runEnd))) {
                runEnd++;
            }
            int userEnd = authority;
            while (userEnd < runEnd && ":/?#@".indexOf(text.charAt(userEnd)) < 0) {
                userEnd++;
            }
            int at = text.lastIndexOf('@', runEnd - 1);
            boolean hasPassword = userEnd < runEnd && text.charAt(userEnd) == ':' && at > userEnd
                    && !startsWithPortOnly(text, userEnd + 1);
            if (hasPassword) {
                masked.append(text, copied, userEnd + 1).append(MASK);
                copied = at;
            }
            scheme = text.indexOf("://", hasPassword ? at : authority);
        }
        return masked.append(text, copied, text.length()).toString();
    }

    /** True when what follows {@code host:} is a port ending the authority, as in {@code host:5432/db?user=a@b}. */
    private static boolean startsWithPortOnly(String text, int afterColon) {
        return PORT_THEN_END_OF_AUTHORITY.matcher(text).region(afterColon, text.length()).lookingAt();
    }

    /**
     * A piece cut out of a text, fit to quote next to that text's masked form: the piece itself when
     * {@code maskedText} shows it anyway, else {@link #MASK}. A parser that misreads a password holding {@code / ?}
     * (e.g. takes {@code hun} of {@code user:hun?ter2@host} for a port) would otherwise quote part of it.
     */
    public static String shownPart(String part, String maskedText) {
        if (part == null || part.isEmpty() || (maskedText != null && maskedText.contains(part))) {
            return part;
        }
        return MASK;
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
