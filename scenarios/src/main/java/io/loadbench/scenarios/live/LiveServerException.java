package io.loadbench.scenarios.live;

/** The metrics endpoint cannot be served (its port is in use, its host unknown): one line naming the property. */
public final class LiveServerException extends RuntimeException {

    LiveServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
