package io.loadbench.loader.sink.redis;

/**
 * A Redis load failed: the server rejected a command, the connection broke, or the server lacks
 * something the load needs (a module). The message is one line naming the server and the cause.
 */
public final class RedisLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RedisLoadException(String message) {
        super(message);
    }

    public RedisLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
