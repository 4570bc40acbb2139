package io.loadbench.scenarios.gatling;

import io.gatling.commons.validation.Failure;
import io.gatling.commons.validation.Success;
import io.gatling.commons.validation.Validation;
import io.gatling.core.session.Session;
import io.gatling.javaapi.core.internal.Expressions;
import java.util.function.Function;

/**
 * A value resolved against a virtual user's session, compiled once from what the DSL was given: a Gatling EL
 * string ({@code "#{location}"}), a Java function of the session, or a constant. The DSL's overloads decide
 * which at compile time, as Gatling's own Java DSL does; nothing here inspects a value's type at run time.
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

    /** The same value every time. */
    static <T> SessionValue<T> constant(T value) {
        return session -> value;
    }

    /** A Gatling EL string: the attribute it names keeps its type ({@code "#{id}"} of an Integer is an Integer). */
    static SessionValue<Object> el(String el) {
        if (!el.contains("#{")) {
            return constant(el);
        }
        scala.Function1<Session, Validation<Object>> expression = Expressions.toAnyExpression(el);
        return session -> unwrap(expression.apply(session), el);
    }

    /** A Gatling EL string rendered as text (request names, Redis keys). */
    static SessionValue<String> text(String el) {
        SessionValue<Object> value = el(el);
        return session -> nonNull(value.resolve(session), el).toString();
    }

    /** A Java function of the Java API's session. */
    static <T> SessionValue<T> function(Function<io.gatling.javaapi.core.Session, T> function) {
        return session -> function.apply(new io.gatling.javaapi.core.Session(session));
    }

    /** A Java function of the session that must not return null (request names, Redis keys). */
    static SessionValue<String> text(Function<io.gatling.javaapi.core.Session, String> function) {
        SessionValue<String> value = function(function);
        return session -> nonNull(value.resolve(session), "a session function");
    }

    private static <T> T nonNull(T resolved, String source) {
        if (resolved == null) {
            throw new ResolutionException("'" + source + "' resolved to null");
        }
        return resolved;
    }

    private static Object unwrap(Validation<Object> validation, String el) {
        if (validation instanceof Success<Object> success) {
            return success.value();
        }
        throw new ResolutionException("cannot resolve '" + el + "': " + ((Failure) (Object) validation).message());
    }
}
