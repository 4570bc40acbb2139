package io.loadbench.loader.sink.redis;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback server that misbehaves the way a frozen or broken Redis does: it accepts connections and then either
 * reads and discards everything ({@link Mode#SILENT}), never reads at all ({@link Mode#DEAF}), or answers the first
 * bytes it receives with fixed bytes and then stays silent ({@link Mode#ANSWER}). {@link #close()} closes every
 * socket and ends its threads.
 */
final class FakeRespServer implements AutoCloseable {

    enum Mode { SILENT, DEAF, ANSWER }

    private final ServerSocket server;
    private final Mode mode;
    private final byte[] answer;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    FakeRespServer(Mode mode, byte[] answer) throws IOException {
        this.mode = mode;
        this.answer = answer;
        this.server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        start(this::acceptLoop, "fake-resp-accept");
    }

    static FakeRespServer silent() throws IOException {
        return new FakeRespServer(Mode.SILENT, new byte[0]);
    }

    static FakeRespServer deaf() throws IOException {
        return new FakeRespServer(Mode.DEAF, new byte[0]);
    }

    static FakeRespServer answering(byte[] answer) throws IOException {
        return new FakeRespServer(Mode.ANSWER, answer);
    }

    RedisAddress address() {
        return new RedisAddress("127.0.0.1", server.getLocalPort(), null, null, 0, false);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                accepted.add(socket);
                if (mode != Mode.DEAF) {
                    start(() -> serve(socket), "fake-resp-conn");
                }
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (InputStream in = socket.getInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            boolean answered = false;
            while (in.read(buffer) >= 0) {
                if (mode == Mode.ANSWER && !answered) {
                    socket.getOutputStream().write(answer);
                    socket.getOutputStream().flush();
                    answered = true;
                }
            }
        } catch (IOException e) {
            // the client went away or the server closed
        }
    }

    private void start(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    @Override
    public void close() throws Exception {
        server.close();
        for (Socket socket : accepted) {
            socket.close();
        }
        for (Thread thread : threads) {
            thread.join(5_000);
        }
    }
}
