package io.loadbench.scenarios.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A headless Chromium showing one page, asked through the DevTools protocol (a WebSocket, JSON messages) to evaluate
 * JavaScript in it while it lives: unlike {@code --dump-dom}, which reads a page once after it loaded, this can watch
 * a page that updates itself every second. Found like the report's browser test finds it ({@code LOADBENCH_CHROMIUM},
 * else {@code chromium}, {@code chromium-browser}, {@code google-chrome} on the PATH), with the same offline flags.
 * Every wait is bounded; {@link #close()} ends the browser.
 */
final class HeadlessChromium implements AutoCloseable {

    // generous: on a loaded 2-core machine a headless Chromium start alone can take tens of seconds
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final AtomicInteger nextId = new AtomicInteger();
    private final ConcurrentMap<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    /** Set once, by {@link #open}, when the page's DevTools socket is connected. */
    private WebSocket socket;

    private HeadlessChromium(Process process) {
        this.process = process;
    }

    /** The browser to use, if one is installed. */
    static Optional<String> binary() {
        String configured = System.getenv("LOADBENCH_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(configured);
        }
        String path = System.getenv("PATH");
        for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
            for (String entry : (path == null ? "" : path).split(File.pathSeparator)) {
                File candidate = new File(entry, name);
                if (candidate.isFile() && candidate.canExecute()) {
                    return Optional.of(candidate.getPath());
                }
            }
        }
        return Optional.empty();
    }

    /** Starts the browser on {@code page}, its profile and logs in {@code dir}, and connects to the page. */
    static HeadlessChromium open(String binary, Path dir, URI page) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(dir, "chromium-profile");
        List<String> command = new ArrayList<>(List.of(binary, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--window-size=1000,1400", "--user-data-dir=" + profile,
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", page.toString()));
        Process process = new ProcessBuilder(command).redirectOutput(dir.resolve("chromium.out").toFile())
                .redirectError(dir.resolve("chromium.err").toFile()).start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String pageSocket = pageSocket(http, profile.resolve("DevToolsActivePort"), process, dir);
            HeadlessChromium browser = new HeadlessChromium(process);
            browser.socket = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), browser.listener())
                    .get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return browser;
        } catch (IOException | InterruptedException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("cannot connect to chromium's DevTools: " + e, e);
        }
    }

    /** Waits for the DevTools port file, then asks for the page target's WebSocket address. */
    private static String pageSocket(HttpClient http, Path portFile, Process process, Path dir)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("chromium exited with " + process.exitValue() + ": " + Files.readString(dir.resolve("chromium.err")));
            }
            if (Files.exists(portFile)) {
                List<String> lines = Files.readAllLines(portFile, StandardCharsets.UTF_8);
                if (!lines.isEmpty() && !lines.get(0).isBlank()) {
                    HttpResponse<String> targets = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + lines.get(0).strip() + "/json/list")).timeout(CALL_TIMEOUT).build(),
                            HttpResponse.BodyHandlers.ofString());
                    for (JsonNode target : JSON.readTree(targets.body())) {
                        if (target.path("type").asText().equals("page")) {
                            return target.path("webSocketDebuggerUrl").asText();
                        }
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new IOException("chromium did not open its DevTools port within " + START_TIMEOUT.toSeconds() + " s: "
                + Files.readString(dir.resolve("chromium.err")));
    }

    /** Evaluates {@code expression} in the page and returns its value (a string, number or boolean). */
    JsonNode evaluate(String expression) throws Exception {
        int id = nextId.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        String message = JSON.writeValueAsString(JSON.createObjectNode().put("id", id).put("method", "Runtime.evaluate")
                .set("params", JSON.createObjectNode().put("expression", expression).put("returnByValue", true)));
        socket.sendText(message, true).get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        JsonNode result = reply.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (result.has("exceptionDetails")) {
            throw new AssertionError("the page threw: " + result.path("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    try {
                        JsonNode message = JSON.readTree(text.toString());
                        CompletableFuture<JsonNode> reply = pending.remove(message.path("id").asInt(-1));
                        if (reply != null) {
                            reply.complete(message.path("result"));
                        }
                    } catch (IOException e) {
                        pending.values().forEach(f -> f.completeExceptionally(e));
                    }
                    text.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        };
    }

    @Override
    public void close() throws InterruptedException {
        if (socket != null) {
            socket.abort();
        }
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }
}
