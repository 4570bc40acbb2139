package io.loadbench.scenarios.gatling;

import io.gatling.core.action.Action;
import io.gatling.core.action.ChainableAction;
import io.gatling.core.session.Session;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Calls the trait implementations scalac exposes as static {@code $bang$} methods on the trait interfaces.
 * They are synthetic, so javac will not link a direct call; a method handle resolved once does, and the JIT
 * inlines it like a direct call.
 */
final class TraitSupers {

    private static final MethodHandle ACTION_BANG = staticBang(Action.class);
    private static final MethodHandle CHAINABLE_ACTION_BANG = staticBang(ChainableAction.class);

    private TraitSupers() {
    }

    static void actionBang(Action action, Session session) {
        invoke(ACTION_BANG, action, session);
    }

    static void chainableActionBang(ChainableAction action, Session session) {
        invoke(CHAINABLE_ACTION_BANG, action, session);
    }

    private static void invoke(MethodHandle handle, Action action, Session session) {
        try {
            handle.invoke(action, session);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static MethodHandle staticBang(Class<?> trait) {
        try {
            return MethodHandles.publicLookup().findStatic(trait, "$bang$", MethodType.methodType(void.class, trait, Session.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Gatling " + trait.getName() + ".$bang$ not found: this package is pinned to Gatling 3.15.1", e);
        }
    }
}
