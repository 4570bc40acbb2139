package io.loadbench.jmhplugin;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the value of {@code -Djmh.args} into the argument list a shell would have produced.
 *
 * <p>Whitespace separates arguments; single quotes keep everything literally; double quotes keep
 * whitespace and honour a backslash before {@code "} or {@code \}; outside quotes a backslash escapes the
 * next character. Nothing else is interpreted: the tokens reach JMH exactly as typed, so every JMH option
 * (a regexp, {@code -lp}, {@code -f 1 -wi 1 -i 3}, {@code -jvmArgsAppend "-Xmx2g -Dx=y"}) passes through.
 * An unbalanced quote is rejected rather than guessed at.
 */
public final class JmhArguments {

    private JmhArguments() {
    }

    /**
     * @param commandLine the option value, possibly {@code null} or blank (meaning no arguments)
     * @return the arguments, in order
     * @throws IllegalArgumentException when a quote is not closed or the line ends in a lone backslash
     */
    public static List<String> split(String commandLine) {
        List<String> arguments = new ArrayList<>();
        if (commandLine == null) {
            return arguments;
        }
        StringBuilder current = new StringBuilder();
        boolean inArgument = false;
        char quote = 0;
        for (int i = 0; i < commandLine.length(); i++) {
            char c = commandLine.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < commandLine.length()
                        && (commandLine.charAt(i + 1) == '"' || commandLine.charAt(i + 1) == '\\')) {
                    current.append(commandLine.charAt(++i));
                } else {
                    current.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (inArgument) {
                    arguments.add(current.toString());
                    current.setLength(0);
                    inArgument = false;
                }
            } else {
                inArgument = true;
                if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '\\') {
                    if (i + 1 == commandLine.length()) {
                        throw new IllegalArgumentException("jmh.args ends with a lone backslash: " + commandLine);
                    }
                    current.append(commandLine.charAt(++i));
                } else {
                    current.append(c);
                }
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("jmh.args has an unclosed " + quote + " quote: " + commandLine);
        }
        if (inArgument) {
            arguments.add(current.toString());
        }
        return arguments;
    }
}
