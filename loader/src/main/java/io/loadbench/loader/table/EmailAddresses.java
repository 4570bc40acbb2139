package io.loadbench.loader.table;

/**
 * Generated e-mail addresses: {@code first.last.N@domain} from a person's names, unique by the number. The
 * local part keeps the lower-case ASCII letters and digits of each name, so Datafaker's accents, apostrophes
 * and spaces never make an address the {@link SqlCheck#malformedEmails} probe rejects.
 */
public final class EmailAddresses {

    private EmailAddresses() {
    }

    /** {@code first.last.number@domain}, each name reduced by {@link #appendLocalPart}. */
    public static String of(String firstName, String lastName, long number, String domain) {
        StringBuilder email = new StringBuilder(64);
        appendLocalPart(email, firstName);
        email.append('.');
        appendLocalPart(email, lastName);
        return email.append('.').append(number).append('@').append(domain).toString();
    }

    /** Appends the lower-case ASCII letters and digits of {@code name}, or {@code x} when it has none. */
    public static void appendLocalPart(StringBuilder out, String name) {
        int before = out.length();
        for (int i = 0; i < name.length(); i++) {
            char c = Character.toLowerCase(name.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            }
        }
        if (out.length() == before) {
            out.append('x');
        }
    }
}
