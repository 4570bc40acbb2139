package io.loadbench.loader.cli;

import io.loadbench.results.Secrets;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The passwords a command line carries, found before any parsing, so that an error quoting an argument
 * verbatim is masked even when the argument is too malformed for {@link Secrets#maskUrl} to recognise
 * (a URL missing its {@code ://}, a typo'd option). Each password is masked raw and percent-decoded, then
 * the text goes through {@link Secrets} as every other message does.
 */
final class ArgumentSecrets {

    private final List<String> passwords;

    private ArgumentSecrets(Set<String> passwords) {
        // longest first, so a password containing another is masked whole
        this.passwords = passwords.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    static ArgumentSecrets of(String... args) {
        Set<String> found = new LinkedHashSet<>();
        for (String arg : args) {
            String lower = arg.toLowerCase(Locale.ROOT);
            int parameter = lower.indexOf("password=");
            if (parameter >= 0) {
                int start = parameter + "password=".length();
                int end = start;
                while (end < arg.length() && "&; ".indexOf(arg.charAt(end)) < 0) {
                    end++;
                }
                add(found, arg.substring(start, end));
            }
            // user:password@host, with or without a scheme: from the first ':' after the user to the last '@'
            int authority = arg.indexOf("//");
            int from = authority < 0 ? 0 : authority + 2;
            int at = arg.lastIndexOf('@');
            int colon = arg.indexOf(':', from);
            if (at > from && colon >= from && colon < at) {
                add(found, arg.substring(colon + 1, at));
            }
        }
        return new ArgumentSecrets(found);
    }

    private static void add(Set<String> found, String password) {
        if (password.isEmpty()) {
            return;
        }
        found.add(password);
        try {
            found.add(URLDecoder.decode(password, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notEncoded) {
            // a raw '%' that starts no escape: the raw form is masked already
        }
    }

    /** {@code text} with every password of the command line and every URL password masked. */
    String mask(String text) {
        String masked = text;
        for (String password : passwords) {
            masked = masked.replace(password, Secrets.MASK);
        }
        return Secrets.maskUrl(masked);
    }
}
