package io.loadbench.scenarios.gatling;

import io.gatling.commons.validation.Failure;
import io.gatling.commons.validation.Success;
import io.gatling.commons.validation.Validation;
import io.gatling.core.session.Session;
import io.gatling.javaapi.core.internal.Expressions;
import java.util.function.Function;

/**
 * A value resolved against a virtual user's session: a Gatling EL string ({@code "#{location}"}), a Java
 * function of the session, or a constant.
 */
@FunctionalInterface
public interface SessionValue<T> {

    /** Thrown when a value cannot be resolved (missing attribute, bad EL); the message is one line. */
    final class ResolutionException extends RuntimeException {
        ResolutionException(String message) {
            super(message, null, false, false);
        }
    }

    T resolve(Session session);

    /**
     * Compiles a DSL value: a {@code String} is Gatling EL, a {@code Function<io.gatling.javaapi.core.Session, ?>}
     * is called with the Java session, anything else is a constant.
     */
    @SuppressWarnings("unchecked")
    static SessionValue<Object> of(Object spec) {
        if (spec instanceof String el) {
            if (!el.contains("#{")) {
                return session -> el;
            }
            scala.Function1<Session, Validation<Object>> expression = Expressions.toAnyExpression(el);
            return session -> unwrap(expression.apply(session), el);
        }
        if (spec instanceof Function<?, ?> function) {
            Function<io.gatling.javaapi.core.Session, Object> f = (Function<io.gatling.javaapi.core.Session, Object>) function;
            return session -> f.apply(new io.gatling.javaapi.core.Session(session));
        }
        return session -> spec;
    }

    /** A string (request names, keys): EL or constant; a non-string value is rendered with toString. */
    static SessionValue<String> string(Object spec) {
        SessionValue<Object> value = of(spec);
        return session -> {
            Object resolved = value.resolve(session);
            if (resolved == null) {
                throw new ResolutionException("'" + spec + "' resolved to null");
            }
            return resolved.toString();
        };
    }

    private static Object unwrap(Validation<Object> validation, String el) {
        if (validation instanceof Success<Object> success) {
            return success.value();
        }
        throw new ResolutionException("cannot resolve '" + el + "': " + ((Failure) (Object) validation).message());
    }
}
