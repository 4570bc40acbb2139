package io.loadbench.scenarios.custom;

/**
 * A script (or command template) that cannot run, said the way pgbench says it: {@code FILE:LINE: reason}, one line.
 * Thrown while a script is read, before any load; the simulation ends its run folder FAILED with the message.
 */
public final class ScriptException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String reason;

    public ScriptException(String source, int line, String reason) {
        super(source + ":" + line + ": " + reason);
        this.source = source;
        this.line = line;
        this.reason = reason;
    }

    /** A problem with the file as a whole (it cannot be read, its weight is bad): {@code FILE: reason}. */
    public ScriptException(String source, String reason) {
        super(source + ": " + reason);
        this.source = source;
        this.line = 0;
        this.reason = reason;
    }

    /** The script's name as the user gave it. */
    public String source() {
        return source;
    }

    /** The line, from 1; 0 for a problem with the whole file. */
    public int line() {
        return line;
    }

    /** What is wrong, without the place. */
    public String reason() {
        return reason;
    }
}
