package io.loadbench.scenarios.live;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * The run's one HTTP endpoint, the Prometheus client's {@link HTTPServer}: {@code /metrics} (the registry, in the
 * format the scraper asks for: OpenMetrics text for Prometheus, the classic text format for a plain client,
 * protobuf on request), {@code /-/healthy}, and through its default handler the live page at {@code /} and its data
 * at {@code /live.json}. Its threads are daemons; {@link #close()} stops it.
 */
final class LiveServer implements AutoCloseable {

    /** A body of {@code /live.json}, and whether it carries the run's verdict. */
    record Reply(byte[] body, boolean carriesVerdict) {
    }

    private final HTTPServer server;
    private final String host;

    private LiveServer(HTTPServer server, String host) {
        this.server = server;
        this.host = host;
    }

    /**
     * Binds {@code options}' host and port, or throws one line naming the property to change.
     *
     * @param liveJson the reply to {@code /live.json} for the samples after the {@code ?after=} sequence number
     * @param sent     hears each reply once it was written out (not merely made: closing the server right after
     *                 making one would cut it off)
     */
    static LiveServer start(LiveOptions options, PrometheusRegistry registry, byte[] page, LongFunction<Reply> liveJson,
                            Consumer<Reply> sent) {
        String where = options.metricsHost() + ":" + options.metricsPort();
        try {
            HTTPServer server = HTTPServer.builder().hostname(options.metricsHost()).port(options.metricsPort())
                    .registry(registry).defaultHandler(new PageHandler(page, liveJson, sent)).buildAndStart();
            return new LiveServer(server, options.metricsHost());
        } catch (BindException e) {
            throw new LiveServerException("-D" + LiveOptions.METRICS_PORT + "=" + options.metricsPort()
                    + ": cannot serve /metrics on " + where + ": the port is already in use (choose a free one, or 0 for none)", e);
        } catch (IOException | RuntimeException e) {
            throw new LiveServerException("-D" + LiveOptions.METRICS_HOST + "=" + options.metricsHost() + " -D"
                    + LiveOptions.METRICS_PORT + "=" + options.metricsPort() + ": cannot serve /metrics on " + where + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    int port() {
        return server.getPort();
    }

    /** The live page's address. */
    String url() {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/";
    }

    @Override
    public void close() {
        server.close();
    }

    /** {@code /} and {@code /live.json}; everything else is 404. */
    private record PageHandler(byte[] page, LongFunction<Reply> liveJson, Consumer<Reply> sent) implements HttpHandler {
        @Override
        public void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                    respond(exchange, 405, "text/plain; charset=utf-8", "GET only\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                } else if (path.equals("/")) {
                    respond(exchange, 200, "text/html; charset=utf-8", page);
                } else if (path.equals("/live.json")) {
                    Reply reply = liveJson.apply(after(exchange.getRequestURI().getRawQuery()));
                    respond(exchange, 200, "application/json", reply.body());
                    sent.accept(reply);
                } else {
                    respond(exchange, 404, "text/plain; charset=utf-8",
                            "not found: the live page is /, its data /live.json, the metrics /metrics\n"
                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }

        /** The {@code after} query parameter: samples newer than it are sent; 0 (all) when absent or not a number. */
        static long after(String query) {
            if (query != null) {
                for (String parameter : query.split("&")) {
                    if (parameter.startsWith("after=")) {
                        try {
                            return Math.max(0, Long.parseLong(parameter.substring("after=".length())));
                        } catch (NumberFormatException e) {
                            return 0;
                        }
                    }
                }
            }
            return 0;
        }

        private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(status, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }
}
