/**
 * The only code that touches Gatling's internals (Scala traits implemented from Java), pinned to Gatling
 * 3.15.1: the {@code Protocol}/{@code ProtocolKey}/{@code ProtocolComponents} of the datastore protocol, the
 * Scala {@code ActionBuilder} the Java DSL hands to Gatling, the {@code ExitableAction} that runs a request,
 * EL resolution and {@code StatsEngine} reporting.
 *
 * <p>Gatling has no public API for custom protocols. Implementing its Scala traits from Java needs what
 * scalac would have generated: StrictLogging's {@code logger} field and its synthetic setter (once, in
 * {@code ReportingAction}, the base of the request action and the verdict action), and for
 * {@code ExitableAction} the two synthetic super-accessors
 * ({@code io$gatling$core$action$ChainableAction$$super$$bang},
 * {@code io$gatling$core$action$ExitableAction$$super$$bang}) that javac does not ask for but the JVM calls;
 * without them {@code exitBlockOnFail}/{@code tryMax} fail at run time with {@code AbstractMethodError}.
 * They delegate to the traits' static {@code $bang$} implementations, which is exactly what a Scala class
 * mixing in the traits compiles to. A Gatling upgrade must re-check this package first; the compile test
 * ({@code DatastoreDslCompileTest}) and the integration test that runs a tiny simulation cover it.
 */
package io.loadbench.scenarios.gatling;
