package io.loadbench.scenarios.custom;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One memtier-style Redis command template ({@code memtier_benchmark --command}): a command and its arguments
 * separated by spaces, an argument in double quotes when it holds spaces ({@code \"} and {@code \\} inside), and two
 * placeholders: {@code __key__}, replaced by the request's key ({@code keyPrefix} and the key's number), and
 * {@code __data__}, replaced by {@code dataSize} bytes of seeded data. Immutable.
 *
 * <p>What it may touch is confined to the keys it names: every template needs {@code __key__} ({@code PING} and
 * {@code ECHO} aside), and commands that act on the whole server or database, change a pooled connection's state,
 * block a connection, or run scripts that could touch any key are refused ({@link #REFUSED}).
 *
 * @param text      the template as written
 * @param name      the command, upper-cased ({@code GET})
 * @param arguments the arguments after the command, placeholders unreplaced
 */
public record CommandTemplate(String text, String name, List<String> arguments) {

    public static final String KEY = "__key__";
    public static final String DATA = "__data__";
    private static final Pattern PLACEHOLDER = Pattern.compile("__[A-Za-z0-9]+__");

    /** Commands without a key that touch nothing. */
    static final Set<String> KEYLESS = Set.of("PING", "ECHO");

    /**
     * Commands a template may not run: server- or database-wide ones, those that change a pooled connection's state
     * or block it, and scripts (whose keys a template cannot confine).
     */
    static final Set<String> REFUSED = Set.of("FLUSHALL", "FLUSHDB", "SHUTDOWN", "CONFIG", "DEBUG", "SWAPDB", "REPLICAOF",
            "SLAVEOF", "FAILOVER", "SAVE", "BGSAVE", "BGREWRITEAOF", "MODULE", "ACL", "CLUSTER", "MONITOR", "SYNC", "PSYNC",
            "KEYS", "SCAN", "RANDOMKEY", "MIGRATE", "MOVE", "COPY", "SELECT", "AUTH", "HELLO", "RESET", "QUIT", "CLIENT",
            "MULTI", "EXEC", "DISCARD", "WATCH", "UNWATCH", "SUBSCRIBE", "PSUBSCRIBE", "SSUBSCRIBE", "UNSUBSCRIBE",
            "PUNSUBSCRIBE", "SUNSUBSCRIBE", "BLPOP", "BRPOP", "BRPOPLPUSH", "BLMOVE", "BLMPOP", "BZPOPMIN", "BZPOPMAX",
            "BZMPOP", "WAIT", "WAITAOF", "EVAL", "EVALSHA", "EVAL_RO", "EVALSHA_RO", "FCALL", "FCALL_RO", "SCRIPT", "FUNCTION",
            "OBJECT", "LATENCY", "SLOWLOG", "MEMORY", "LASTSAVE", "ROLE", "REPLCONF", "PFDEBUG", "PFSELFTEST");

    public CommandTemplate {
        arguments = List.copyOf(arguments);
    }

    /**
     * Parses and checks a template.
     *
     * @param number the template's position in the {@code command} option, from 1, for messages
     * @throws IllegalArgumentException one line naming the template and what is wrong with it
     */
    public static CommandTemplate parse(String text, int number) {
        List<String> words = split(text, number);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("command " + number + " is empty");
        }
        String name = words.get(0).toUpperCase(Locale.ROOT);
        List<String> arguments = words.subList(1, words.size());
        String where = "command " + number + " '" + text.strip() + "'";
        if (!name.matches("[A-Z][A-Z0-9_.|-]*")) {
            throw new IllegalArgumentException(where + ": '" + words.get(0) + "' is not a command name");
        }
        if (REFUSED.contains(name)) {
            throw new IllegalArgumentException(where + ": " + name + " is not allowed: it can touch data this workload did not"
                    + " create, or change or block a pooled connection");
        }
        boolean hasKey = false;
        for (String argument : words) {
            Matcher placeholder = PLACEHOLDER.matcher(argument);
            while (placeholder.find()) {
                String found = placeholder.group();
                if (!found.equals(KEY) && !found.equals(DATA)) {
                    throw new IllegalArgumentException(where + ": unknown placeholder " + found + " (known: " + KEY + ", " + DATA + ")");
                }
            }
        }
        for (String argument : arguments) {
            hasKey |= argument.contains(KEY);
        }
        if (!hasKey && !KEYLESS.contains(name)) {
            throw new IllegalArgumentException(where + ": no " + KEY + ": every command works on the keyspace's keys"
                    + " (only PING and ECHO go without)");
        }
        return new CommandTemplate(text.strip(), name, arguments);
    }

    /** The words of a template: spaces separate them, double quotes keep spaces in one. */
    private static List<String> split(String text, int number) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\\')) {
                    word.append(text.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                } else {
                    word.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("command " + number + " '" + text.strip() + "': unterminated quote");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** The arguments with the placeholders replaced. */
    public List<Object> resolve(String key, String data) {
        List<Object> resolved = new ArrayList<>(arguments.size());
        for (String argument : arguments) {
            resolved.add(argument.replace(KEY, key).replace(DATA, data));
        }
        return resolved;
    }
}
