package io.loadbench.loader.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Speaks just enough of the PostgreSQL wire protocol to reject a password: answers a startup message with
 * AuthenticationCleartextPassword, reads the password, and replies with the FATAL error a real server sends
 * ({@code 28P01 password authentication failed for user "..."}). The machine's test servers trust every
 * local connection, so they cannot show what a wrong password looks like.
 */
final class FakePasswordCheckingPostgres implements AutoCloseable {

    private final ServerSocket server;
    private final Thread acceptor;

    FakePasswordCheckingPostgres() throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::serve, "fake-postgres");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                DataInputStream in = new DataInputStream(socket.getInputStream());
                DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                int length = in.readInt();
                int protocol = in.readInt();
                if (protocol == 80877103) { // SSLRequest: no SSL here
                    out.writeByte('N');
                    out.flush();
                    length = in.readInt();
                    in.readInt();
                }
                in.skipNBytes(length - 8);
                out.writeByte('R');
                out.writeInt(8);
                out.writeInt(3); // AuthenticationCleartextPassword
                out.flush();
                if (in.readByte() == 'p') {
                    in.skipNBytes(in.readInt() - 4);
                }
                byte[] fields = ("SFATAL\0VFATAL\0C28P01\0Mpassword authentication failed for user \"loader\"\0\0")
                        .getBytes(StandardCharsets.UTF_8);
                out.writeByte('E');
                out.writeInt(4 + fields.length);
                out.write(fields);
                out.flush();
            } catch (IOException e) {
                // the client hung up or the server closed: serve the next one, or stop
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
