package io.loadbench.scenarios.custom;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a pgbench-style script ({@code pgbench -f}), the subset documented in {@code docs/custom-workloads.md}:
 * <ul>
 *   <li>SQL statements ending with {@code ;} (or the end of the file), over as many lines as they like; quotes,
 *       quoted identifiers, dollar quotes, {@code --} and nested {@code /* *}{@code /} comments and parentheses are
 *       understood, so a {@code ;} inside them ends nothing. {@code :name} outside them is a bind parameter
 *       ({@code ::} is a cast);</li>
 *   <li>{@code \set name expression}, with integer and double arithmetic ({@code + - * / %}, parentheses, unary
 *       minus), {@code :name} references and the functions of {@link ScriptFunction}; a line ending in {@code \}
 *       continues on the next;</li>
 *   <li>{@code \sleep amount [us|ms|s]}, the amount a number or {@code :name}, in seconds unless a unit says
 *       otherwise ({@code \sleep 10ms} too).</li>
 * </ul>
 * Everything is checked before any load, each error one line {@code FILE:LINE: reason} ({@link ScriptException}):
 * an unknown meta command, or one of pgbench's this workload does not run; a variable read before any
 * {@code \set} gives it a value (variables do not carry over between transactions here); an unknown function or
 * one called with the wrong number of arguments; a syntax error; an unterminated quote or comment; a script without
 * SQL; a {@code BEGIN} the script never ends.
 */
public final class ScriptParser {

    /** pgbench's meta commands this workload does not run, named as such rather than as unknown. */
    private static final Set<String> UNSUPPORTED_PGBENCH_COMMANDS = Set.of("setshell", "shell", "if", "elif", "else",
            "endif", "gset", "aset", "startpipeline", "syncpipeline", "endpipeline");

    private final String source;
    private final String text;
    private final Set<String> defined;
    private final List<Script.Command> commands = new ArrayList<>();
    private int pos;
    private int line = 1;
    /** The line of a {@code BEGIN} not yet ended, or 0. */
    private int openTransactionLine;

    private ScriptParser(String source, String text, Set<String> predefined) {
        this.source = source;
        this.text = text;
        this.defined = new HashSet<>(predefined);
    }

    /**
     * Parses a script.
     *
     * @param name       what the run calls the script (its file name): error messages and request names use it
     * @param given      where it came from, as the user wrote it
     * @param text       its text
     * @param predefined the variables every transaction starts with
     * @param needsSql   whether a script without any SQL statement is an error (a transaction needs one to be
     *                   measured; a setup does not)
     * @throws ScriptException {@code FILE:LINE: reason}
     */
    public static Script parse(String name, String given, String text, Set<String> predefined, boolean needsSql) {
        String normalized = text.replace("\r\n", "\n");
        ScriptParser parser = new ScriptParser(name, normalized, predefined);
        parser.parseAll();
        if (parser.openTransactionLine > 0) {
            throw new ScriptException(name, parser.openTransactionLine, "BEGIN is never ended by COMMIT, END or ROLLBACK:"
                    + " a transaction must end within its script");
        }
        if (parser.commands.isEmpty()) {
            throw new ScriptException(name, 1, "the script is empty");
        }
        if (needsSql && parser.commands.stream().noneMatch(Script.SqlCommand.class::isInstance)) {
            throw new ScriptException(name, 1, "the script has no SQL statement: a transaction is measured by its statements");
        }
        return new Script(name, given, normalized, parser.commands);
    }

    private void parseAll() {
        while (true) {
            skipSpaceAndComments();
            if (pos >= text.length()) {
                return;
            }
            if (text.charAt(pos) == '\\') {
                parseMetaCommand();
            } else {
                parseStatement();
            }
        }
    }

    // ---- between statements ----

    private void skipSpaceAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (startsWith("--")) {
                skipLineComment(new StringBuilder());
            } else if (startsWith("/*")) {
                skipBlockComment(new StringBuilder());
            } else {
                return;
            }
        }
    }

    private boolean startsWith(String prefix) {
        return text.startsWith(prefix, pos);
    }

    // ---- meta commands ----

    private void parseMetaCommand() {
        int commandLine = line;
        StringBuilder joined = new StringBuilder();
        pos++; // the backslash
        // the command runs to the end of the line; a line ending in a backslash continues on the next
        while (pos < text.length()) {
            int end = text.indexOf('\n', pos);
            String part = end < 0 ? text.substring(pos) : text.substring(pos, end);
            pos = end < 0 ? text.length() : end + 1;
            if (end >= 0) {
                line++;
            }
            String stripped = part.stripTrailing();
            if (stripped.endsWith("\\")) {
                joined.append(stripped, 0, stripped.length() - 1).append(' ');
            } else {
                joined.append(part);
                break;
            }
        }
        String command = joined.toString().strip();
        int space = 0;
        while (space < command.length() && !Character.isWhitespace(command.charAt(space))) {
            space++;
        }
        String name = command.substring(0, space).toLowerCase(Locale.ROOT);
        String arguments = command.substring(space).strip();
        switch (name) {
            case "set" -> parseSet(commandLine, arguments);
            case "sleep" -> parseSleep(commandLine, arguments);
            case "" -> throw new ScriptException(source, commandLine, "a backslash without a meta command");
            default -> throw new ScriptException(source, commandLine, UNSUPPORTED_PGBENCH_COMMANDS.contains(name)
                    ? "\\" + name + " is a pgbench meta command this workload does not run (it runs \\set and \\sleep)"
                    : "unknown meta command \\" + name + " (known: \\set, \\sleep)");
        }
    }

    private void parseSet(int commandLine, String arguments) {
        int nameEnd = 0;
        while (nameEnd < arguments.length() && isVariableChar(arguments.charAt(nameEnd))) {
            nameEnd++;
        }
        String variable = arguments.substring(0, nameEnd);
        String expression = arguments.substring(nameEnd).strip();
        if (variable.isEmpty() || (nameEnd < arguments.length() && !Character.isWhitespace(arguments.charAt(nameEnd)))) {
            throw new ScriptException(source, commandLine, arguments.isEmpty() ? "\\set needs a variable name and an expression"
                    : "invalid variable name in \\set: '" + arguments.split("\\s+")[0] + "'");
        }
        if (expression.isEmpty()) {
            throw new ScriptException(source, commandLine, "\\set " + variable + " needs an expression");
        }
        Expr parsed = new ExpressionParser(commandLine, expression).parseWhole();
        commands.add(new Script.SetCommand(commandLine, variable, parsed));
        defined.add(variable);
    }

    private void parseSleep(int commandLine, String arguments) {
        String[] words = arguments.isEmpty() ? new String[0] : arguments.split("\\s+");
        if (words.length == 0) {
            throw new ScriptException(source, commandLine, "\\sleep needs a duration");
        }
        if (words.length > 2) {
            throw new ScriptException(source, commandLine, "\\sleep takes a duration and a unit, got '" + arguments + "'");
        }
        String amount = words[0];
        String unit = words.length == 2 ? words[1] : "s";
        Expr value;
        if (amount.startsWith(":")) {
            String variable = amount.substring(1);
            requireDefined(commandLine, variable);
            value = new Expr.Variable(variable);
        } else {
            int digits = 0;
            while (digits < amount.length() && Character.isDigit(amount.charAt(digits))) {
                digits++;
            }
            if (digits == 0) {
                throw new ScriptException(source, commandLine, "invalid sleep time '" + amount + "': a whole number or :variable");
            }
            if (digits < amount.length()) {
                if (words.length == 2) {
                    throw new ScriptException(source, commandLine, "invalid sleep time '" + amount + "'");
                }
                unit = amount.substring(digits);
            }
            try {
                value = new Expr.Constant(Value.of(Long.parseLong(amount.substring(0, digits))));
            } catch (NumberFormatException e) {
                throw new ScriptException(source, commandLine, "sleep time " + amount.substring(0, digits) + " is too large");
            }
        }
        long unitMicros = switch (unit.toLowerCase(Locale.ROOT)) {
            case "us" -> 1;
            case "ms" -> 1_000;
            case "s" -> 1_000_000;
            default -> throw new ScriptException(source, commandLine, "unrecognized time unit '" + unit + "', must be us, ms or s");
        };
        commands.add(new Script.SleepCommand(commandLine, value, unitMicros));
    }

    private void requireDefined(int atLine, String variable) {
        if (!defined.contains(variable)) {
            throw new ScriptException(source, atLine, "undefined variable :" + variable
                    + " (set it with \\set earlier in the script, or in the variables option)");
        }
    }

    static boolean isVariableChar(char c) {
        // pgbench: ASCII letters, digits and underscore, and any non-ASCII character
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c > 127;
    }

    // ---- SQL statements ----

    private void parseStatement() {
        int startLine = line;
        StringBuilder sql = new StringBuilder();
        List<String> parameters = new ArrayList<>();
        int depth = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ';' && depth == 0) {
                pos++;
                break;
            }
            if (c == '\'') {
                boolean escapes = pos > 0 && (text.charAt(pos - 1) == 'E' || text.charAt(pos - 1) == 'e')
                        && (pos < 2 || !isVariableChar(text.charAt(pos - 2)));
                copyQuoted('\'', escapes, sql, "unterminated quoted string");
            } else if (c == '"') {
                copyQuoted('"', false, sql, "unterminated quoted identifier");
            } else if (c == '$' && dollarTag().isPresent()) {
                copyDollarQuoted(dollarTag().get(), sql);
            } else if (startsWith("--")) {
                skipLineComment(sql);
            } else if (startsWith("/*")) {
                skipBlockComment(sql);
            } else if (c == ':' && startsWith("::")) {
                sql.append("::");
                pos += 2;
            } else if (c == ':' && pos + 1 < text.length() && isVariableChar(text.charAt(pos + 1))) {
                int end = pos + 1;
                while (end < text.length() && isVariableChar(text.charAt(end))) {
                    end++;
                }
                String variable = text.substring(pos + 1, end);
                requireDefined(line, variable);
                parameters.add(variable);
                sql.append('?');
                pos = end;
            } else if (c == '?') {
                // pgjdbc reads a lone ? as a placeholder: a literal one (the jsonb operator) is written ??
                sql.append("??");
                pos++;
            } else if (c == '\\') {
                int end = pos + 1;
                while (end < text.length() && Character.isLetter(text.charAt(end))) {
                    end++;
                }
                String name = text.substring(pos + 1, end).toLowerCase(Locale.ROOT);
                throw new ScriptException(source, line, UNSUPPORTED_PGBENCH_COMMANDS.contains(name)
                        ? "\\" + name + " is a pgbench meta command this workload does not run (it runs \\set and \\sleep)"
                        : "a meta command must start its own line, not follow SQL");
            } else {
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth = Math.max(0, depth - 1);
                } else if (c == '\n') {
                    line++;
                }
                sql.append(c);
                pos++;
            }
        }
        String statement = sql.toString().strip();
        if (statement.isEmpty()) {
            return; // a lone ';'
        }
        trackTransaction(startLine, statement);
        commands.add(new Script.SqlCommand(startLine, source + ":" + startLine, statement, parameters));
    }

    /** Follows BEGIN and COMMIT at the top level, so that a script that leaves a transaction open is refused. */
    private void trackTransaction(int startLine, String statement) {
        String[] words = statement.toUpperCase(Locale.ROOT).split("[\\s;(]+", 3);
        String first = words[0];
        String second = words.length > 1 ? words[1] : "";
        if (first.equals("BEGIN") || (first.equals("START") && second.equals("TRANSACTION"))) {
            openTransactionLine = startLine;
        } else if (first.equals("COMMIT") || first.equals("END") || first.equals("ABORT")
                || (first.equals("ROLLBACK") && !second.equals("TO"))) {
            openTransactionLine = 0;
        }
    }

    private void copyQuoted(char quote, boolean backslashEscapes, StringBuilder sql, String unterminated) {
        int startLine = line;
        sql.append(quote);
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (backslashEscapes && c == '\\' && pos + 1 < text.length()) {
                sql.append(c).append(text.charAt(pos + 1));
                if (text.charAt(pos + 1) == '\n') {
                    line++;
                }
                pos += 2;
                continue;
            }
            sql.append(c);
            pos++;
            if (c == '\n') {
                line++;
            } else if (c == quote) {
                if (pos < text.length() && text.charAt(pos) == quote) {
                    sql.append(quote); // a doubled quote is one quote character
                    pos++;
                } else {
                    return;
                }
            }
        }
        throw new ScriptException(source, startLine, unterminated);
    }

    /** The tag of a dollar quote starting here ({@code $$} or {@code $tag$}), if this is one; {@code $1} is not. */
    private Optional<String> dollarTag() {
        if (pos > 0 && isVariableChar(text.charAt(pos - 1))) {
            return Optional.empty(); // an identifier with a $ in it
        }
        int end = pos + 1;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
            end++;
        }
        if (end >= text.length() || text.charAt(end) != '$' || (end > pos + 1 && Character.isDigit(text.charAt(pos + 1)))) {
            return Optional.empty();
        }
        return Optional.of(text.substring(pos, end + 1));
    }

    private void copyDollarQuoted(String tag, StringBuilder sql) {
        int startLine = line;
        int close = text.indexOf(tag, pos + tag.length());
        if (close < 0) {
            throw new ScriptException(source, startLine, "unterminated dollar-quoted string " + tag);
        }
        String quoted = text.substring(pos, close + tag.length());
        line += (int) quoted.chars().filter(ch -> ch == '\n').count();
        sql.append(quoted);
        pos = close + tag.length();
    }

    private void skipLineComment(StringBuilder sql) {
        int end = text.indexOf('\n', pos);
        int stop = end < 0 ? text.length() : end;
        sql.append(text, pos, stop);
        pos = stop;
    }

    private void skipBlockComment(StringBuilder sql) {
        int startLine = line;
        int nesting = 0;
        while (pos < text.length()) {
            if (startsWith("/*")) {
                nesting++;
                sql.append("/*");
                pos += 2;
            } else if (startsWith("*/")) {
                nesting--;
                sql.append("*/");
                pos += 2;
                if (nesting == 0) {
                    return;
                }
            } else {
                char c = text.charAt(pos++);
                if (c == '\n') {
                    line++;
                }
                sql.append(c);
            }
        }
        throw new ScriptException(source, startLine, "unterminated /* comment");
    }

    // ---- expressions ----

    /**
     * pgbench's expression grammar, the arithmetic part: {@code + -} below {@code * / %} below unary {@code + -},
     * left to right; numbers (an integer, or a double with a point or an exponent), {@code :variables}, function
     * calls and parentheses.
     */
    private final class ExpressionParser {
        private final int exprLine;
        private final String input;
        private int at;

        ExpressionParser(int exprLine, String input) {
            this.exprLine = exprLine;
            this.input = input;
        }

        Expr parseWhole() {
            Expr expr = sum();
            skipBlanks();
            if (at < input.length()) {
                throw error("unexpected '" + input.substring(at) + "' after the expression");
            }
            return expr;
        }

        private Expr sum() {
            Expr left = product();
            while (true) {
                skipBlanks();
                if (accept('+')) {
                    left = new Expr.Binary(Expr.Operator.ADD, left, product());
                } else if (accept('-')) {
                    left = new Expr.Binary(Expr.Operator.SUB, left, product());
                } else {
                    return left;
                }
            }
        }

        private Expr product() {
            Expr left = unary();
            while (true) {
                skipBlanks();
                if (accept('*')) {
                    left = new Expr.Binary(Expr.Operator.MUL, left, unary());
                } else if (accept('/')) {
                    left = new Expr.Binary(Expr.Operator.DIV, left, unary());
                } else if (accept('%')) {
                    left = new Expr.Binary(Expr.Operator.MOD, left, unary());
                } else {
                    return left;
                }
            }
        }

        private Expr unary() {
            skipBlanks();
            if (accept('-')) {
                return new Expr.Binary(Expr.Operator.SUB, new Expr.Constant(Value.of(0L)), unary());
            }
            if (accept('+')) {
                return unary();
            }
            return primary();
        }

        private Expr primary() {
            skipBlanks();
            if (at >= input.length()) {
                throw error("the expression ends too early");
            }
            char c = input.charAt(at);
            if (accept('(')) {
                Expr inner = sum();
                skipBlanks();
                if (!accept(')')) {
                    throw error("missing ')'");
                }
                return inner;
            }
            if (c == ':') {
                int start = ++at;
                while (at < input.length() && isVariableChar(input.charAt(at))) {
                    at++;
                }
                String variable = input.substring(start, at);
                if (variable.isEmpty()) {
                    throw error("':' without a variable name");
                }
                requireDefined(exprLine, variable);
                return new Expr.Variable(variable);
            }
            if (Character.isDigit(c) || c == '.') {
                return number();
            }
            if (Character.isLetter(c) || c == '_') {
                return call();
            }
            throw error("operator or character '" + c + "' is not supported here (expressions use + - * / %,"
                    + " parentheses, numbers, :variables and functions)");
        }

        private Expr number() {
            int start = at;
            while (at < input.length() && Character.isDigit(input.charAt(at))) {
                at++;
            }
            boolean isDouble = false;
            if (at < input.length() && input.charAt(at) == '.') {
                isDouble = true;
                at++;
                while (at < input.length() && Character.isDigit(input.charAt(at))) {
                    at++;
                }
            }
            if (at < input.length() && (input.charAt(at) == 'e' || input.charAt(at) == 'E')) {
                int exponent = at + 1;
                if (exponent < input.length() && (input.charAt(exponent) == '+' || input.charAt(exponent) == '-')) {
                    exponent++;
                }
                if (exponent < input.length() && Character.isDigit(input.charAt(exponent))) {
                    isDouble = true;
                    at = exponent;
                    while (at < input.length() && Character.isDigit(input.charAt(at))) {
                        at++;
                    }
                }
            }
            String literal = input.substring(start, at);
            if (literal.equals(".")) {
                throw error("'.' is not a number");
            }
            if (at < input.length() && (Character.isLetter(input.charAt(at)) || input.charAt(at) == '_')) {
                throw error("invalid number '" + literal + input.charAt(at) + "…'");
            }
            try {
                return new Expr.Constant(isDouble ? Value.of(Double.parseDouble(literal)) : Value.of(Long.parseLong(literal)));
            } catch (NumberFormatException e) {
                throw error("bigint constant overflow: " + literal);
            }
        }

        private Expr call() {
            int start = at;
            while (at < input.length() && isVariableChar(input.charAt(at))) {
                at++;
            }
            String name = input.substring(start, at);
            skipBlanks();
            if (!accept('(')) {
                String lower = name.toLowerCase(Locale.ROOT);
                throw error(Set.of("true", "false", "null", "case", "not", "and", "or", "is").contains(lower)
                        ? "'" + name + "' is pgbench syntax this workload does not support (only arithmetic)"
                        : "unexpected word '" + name + "' (a variable is written :" + name + ")");
            }
            ScriptFunction function = ScriptFunction.named(name)
                    .orElseThrow(() -> error("unknown function " + name + "()"));
            List<Expr> args = new ArrayList<>();
            skipBlanks();
            if (!accept(')')) {
                do {
                    args.add(sum());
                    skipBlanks();
                } while (accept(','));
                if (!accept(')')) {
                    throw error("missing ')' after the arguments of " + function.scriptName() + "()");
                }
            }
            if (!function.acceptsWritten(args.size())) {
                throw error(function.scriptName() + "() takes " + function.arity() + ", got " + args.size());
            }
            if (function.needsDefaultSeed(args.size())) {
                requireDefined(exprLine, ScriptFunction.DEFAULT_SEED);
                args.add(new Expr.Variable(ScriptFunction.DEFAULT_SEED));
            }
            return new Expr.Call(function, args);
        }

        private void skipBlanks() {
            while (at < input.length() && Character.isWhitespace(input.charAt(at))) {
                at++;
            }
        }

        private boolean accept(char c) {
            if (at < input.length() && input.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        private ScriptException error(String reason) {
            return new ScriptException(source, exprLine, reason);
        }
    }
}
