package io.loadbench.loader.sink.redis;

/**
 * Where a dataset writes Redis commands, one argument at a time, without building an array per command.
 *
 * <p>A command is {@link #begin(int) begun} with its exact argument count (the command name counts as
 * one argument), given exactly that many arguments, then {@link #end() ended}. Implementations encode
 * the command as a RESP array of bulk strings, so any byte sequence is a valid argument. Instances are
 * confined to one thread.
 */
public interface RedisCommandWriter {

    /** Starts a command of {@code argumentCount} arguments, the command name included. */
    RedisCommandWriter begin(int argumentCount);

    /** Appends a text argument, encoded as UTF-8. */
    RedisCommandWriter arg(CharSequence text);

    /** Appends an integer argument in its decimal form (what INCRBY, EXPIRE and ZADD expect). */
    RedisCommandWriter arg(long value);

    /** Appends a binary-safe argument. */
    RedisCommandWriter arg(byte[] bytes);

    /**
     * Ends the command begun last.
     *
     * @throws IllegalStateException if fewer or more arguments were given than announced
     */
    void end();
}
