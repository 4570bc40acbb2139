package io.loadbench.loader.sink.redis;

import io.loadbench.datastores.ClientTimeouts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A pipelined Redis connection for bulk loads: one thread writes commands, an internal thread reads and
 * checks every reply, and at most {@code maxInFlightCommands} commands are sent but not yet answered.
 *
 * <p>Unlike a batch-and-sync pipeline, the window slides: the writer keeps streaming while replies for
 * earlier commands arrive, so the connection never idles waiting for a whole batch (the way
 * {@code redis-cli --pipe} behaves), yet memory on both ends stays bounded by the window.
 *
 * <p>Every reply is parsed. The first error reply (or broken connection) fails the load: the next call
 * by the writer, and {@link #close()}, throw a {@link RedisLoadException} naming the server, the command
 * number, the tag the writer set for it (for example a row index) and the server's message. The writer
 * must call {@link #close()}, which waits for every outstanding reply before returning; only then is
 * the load known to have succeeded.
 *
 * <p>Nothing waits forever. The socket has a read timeout of the <em>reply timeout</em> (default 60 s,
 * {@link ClientTimeouts#REDIS_REPLY_TIMEOUT_PROPERTY}): when it expires while commands are outstanding, or while the
 * writer has been blocked sending for that long (a server that accepts and never reads), the load fails naming the
 * server and the connection is closed, which also frees a writer blocked in a send. An idle pipeline (every command
 * answered) may wait as long as it likes. The writer, waiting for replies, gives up on its own if no reply arrives
 * within the reply timeout plus {@link #WRITER_GRACE}, whatever the reader does; and if the reader thread ends by
 * any {@link Throwable} (an {@link Error} included), the load fails with that cause. Malformed or absurd replies
 * are rejected by {@link RespReplyReader}.
 */
public final class SingleWriterRedisPipeline extends RespEncoder implements AutoCloseable {

    private static final int SOCKET_BUFFER_BYTES = 64 * 1024;
    private static final long WAIT_SLICE_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    /** The writer's own deadline is the reply timeout plus this, so the reader (which says why) normally fails first. */
    static final Duration WRITER_GRACE = Duration.ofSeconds(5);

    private final RedisAddress address;
    private final int maxInFlightCommands;
    private final Socket socket;
    private final OutputStream out;
    private final RespReplyReader replies;
    private final long[] tags;
    private final int tagMask;
    private final Thread writerThread;
    private final Thread readerThread;
    private final AtomicLong repliesRead = new AtomicLong();
    private final Duration replyTimeout;
    /** Commands whose bytes were handed to the socket (the reader expects replies for these). */
    private volatile long commandsSubmitted;
    /** System.nanoTime() when the writer entered a send, 0 when it is not sending. */
    private volatile long sendStartedNanos;
    private volatile boolean writerWaiting;
    private volatile RedisLoadException failure;
    private volatile boolean closing;
    private long currentTag = -1;
    private boolean synchronous = true;
    private boolean closed;

    private SingleWriterRedisPipeline(RedisAddress address, int maxInFlightCommands, Socket socket,
                                      Duration replyTimeout, UnaryOperator<InputStream> replyStream) throws IOException {
        super(SOCKET_BUFFER_BYTES);
        this.address = address;
        this.maxInFlightCommands = maxInFlightCommands;
        this.socket = socket;
        this.replyTimeout = replyTimeout;
        socket.setSoTimeout(Math.toIntExact(Math.max(1, replyTimeout.toMillis())));
        this.out = socket.getOutputStream();
        this.replies = new RespReplyReader(replyStream.apply(socket.getInputStream()), SOCKET_BUFFER_BYTES);
        int ring = Integer.highestOneBit(Math.max(1, maxInFlightCommands - 1)) << 1;
        this.tags = new long[ring];
        this.tagMask = ring - 1;
        this.writerThread = Thread.currentThread();
        this.readerThread = new Thread(this::readReplies, "redis-replies-" + address.hostAndPort());
        this.readerThread.setDaemon(true);
    }

    /**
     * Connects, authenticates and selects the database synchronously (each reply checked), then starts
     * the reply reader. The calling thread becomes the only writer.
     *
     * @param maxInFlightCommands the window: commands sent but not yet answered (the pipeline depth)
     */
    public static SingleWriterRedisPipeline open(RedisAddress address, int maxInFlightCommands, int connectTimeoutMs) {
        return open(address, maxInFlightCommands, connectTimeoutMs,
                ClientTimeouts.redisReplyTimeout(System.getProperties()));
    }

    /**
     * Like {@link #open(RedisAddress, int, int)} with an explicit reply timeout: the longest the pipeline waits for
     * a reply while commands are outstanding (and for each handshake reply).
     */
    public static SingleWriterRedisPipeline open(RedisAddress address, int maxInFlightCommands, int connectTimeoutMs,
                                                 Duration replyTimeout) {
        return open(address, maxInFlightCommands, connectTimeoutMs, replyTimeout, UnaryOperator.identity());
    }

    /** Test seam: {@code replyStream} wraps the socket's input, e.g. to make the reader thread die. */
    static SingleWriterRedisPipeline open(RedisAddress address, int maxInFlightCommands, int connectTimeoutMs,
                                          Duration replyTimeout, UnaryOperator<InputStream> replyStream) {
        if (replyTimeout.isNegative() || replyTimeout.isZero()) {
            throw new IllegalArgumentException("reply timeout must be positive, was " + replyTimeout);
        }
        if (maxInFlightCommands < 1) {
            throw new IllegalArgumentException("pipeline depth must be at least 1, was " + maxInFlightCommands);
        }
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSendBufferSize(SOCKET_BUFFER_BYTES * 4);
            socket.setReceiveBufferSize(SOCKET_BUFFER_BYTES * 4);
            socket.connect(new InetSocketAddress(address.host(), address.port()), connectTimeoutMs);
            socket = secured(socket, address);
            SingleWriterRedisPipeline pipeline = new SingleWriterRedisPipeline(address, maxInFlightCommands, socket,
                    replyTimeout, replyStream);
            pipeline.handshake();
            pipeline.synchronous = false;
            pipeline.readerThread.start();
            return pipeline;
        } catch (SocketTimeoutException e) {
            closeQuietly(socket);
            throw new RedisLoadException("Redis at " + address.hostAndPort() + " accepted the connection but did not answer"
                    + " the handshake within " + replyTimeout.toSeconds() + " s (" + ClientTimeouts.REDIS_REPLY_TIMEOUT_PROPERTY + ")", e);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new RedisLoadException("cannot connect to Redis at " + address.hostAndPort() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    /**
     * Sends one command synchronously on a fresh connection and returns its reply (see
     * {@link RespReplyReader#read()}); used before a load to ask the server what it supports.
     */
    public static Object call(RedisAddress address, int connectTimeoutMs, String... command) {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(address.host(), address.port()), connectTimeoutMs);
            plain.setSoTimeout(Math.max(connectTimeoutMs, 10_000));
            Socket socket = secured(plain, address);
            SingleWriterRedisPipeline connection = new SingleWriterRedisPipeline(address, 1, socket,
                    Duration.ofMillis(Math.max(connectTimeoutMs, 10_000)), UnaryOperator.identity());
            connection.handshake();
            return connection.syncCall(command);
        } catch (IOException e) {
            throw new RedisLoadException("cannot talk to Redis at " + address.hostAndPort() + ": " + e.getMessage(), e);
        }
    }

    /** Labels the commands that follow (a row or key index), so an error reply can be traced back. */
    public void tag(long tag) {
        currentTag = tag;
    }

    /** Commands answered so far. */
    public long repliesRead() {
        return repliesRead.get();
    }

    /** The window this pipeline was opened with. */
    public int maxInFlightCommands() {
        return maxInFlightCommands;
    }

    @Override
    protected void commandEnded(long commandNumber) {
        tags[(int) ((commandNumber - 1) & tagMask)] = currentTag;
        if (synchronous) {
            return;
        }
        RedisLoadException failed = failure;
        if (failed != null) {
            throw failed;
        }
        if (commandNumber - repliesRead.get() >= maxInFlightCommands) {
            drainBuffered();
            awaitReplies(commandNumber - maxInFlightCommands + 1);
        }
    }

    @Override
    protected void drain(byte[] bytes, int length) {
        // the commands completed so far are all in these bytes or sent before: the server owes a reply for each
        commandsSubmitted = commandsEncoded();
        sendStartedNanos = Math.max(1, System.nanoTime());
        try {
            out.write(bytes, 0, length);
            sendStartedNanos = 0;
        } catch (IOException e) {
            sendStartedNanos = 0;
            RedisLoadException failed = failure;
            throw failed != null ? failed
                    : new RedisLoadException("lost the connection to Redis at " + address.hostAndPort()
                    + " while sending: " + e.getMessage(), e);
        }
    }

    /**
     * Flushes, waits for every reply, and closes the connection.
     *
     * @throws RedisLoadException if any reply was an error or the connection failed
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (failure == null) {
                drainBuffered();
                out.flush();
                awaitReplies(commandsEncoded());
            }
        } catch (IOException e) {
            if (failure == null) {
                failure = new RedisLoadException("lost the connection to Redis at " + address.hostAndPort()
                        + " while flushing: " + e.getMessage(), e);
            }
        } catch (RedisLoadException e) {
            // usually the recorded failure; a send that failed on its own is not recorded yet and must not be lost
            if (failure == null) {
                failure = e;
            }
        } finally {
            closing = true;
            closeQuietly(socket);
            try {
                readerThread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        RedisLoadException failed = failure;
        if (failed != null) {
            throw failed;
        }
    }

    private void awaitReplies(long target) {
        long deadlineNanos = replyTimeout.plus(WRITER_GRACE).toNanos();
        long lastSeen = repliesRead.get();
        long lastProgressNanos = System.nanoTime();
        while (repliesRead.get() < target) {
            RedisLoadException failed = failure;
            if (failed != null) {
                throw failed;
            }
            long seen = repliesRead.get();
            if (seen != lastSeen) {
                lastSeen = seen;
                lastProgressNanos = System.nanoTime();
            } else if (!readerThread.isAlive() && !synchronous && repliesRead.get() < target) {
                fail(new RedisLoadException("the reply reader for Redis at " + address.hostAndPort()
                        + " ended after " + seen + " replies without saying why"));
            } else if (System.nanoTime() - lastProgressNanos > deadlineNanos) {
                fail(new RedisLoadException("Redis at " + address.hostAndPort() + " sent no reply for "
                        + (replyTimeout.plus(WRITER_GRACE).toSeconds()) + " s with " + (target - seen)
                        + " commands outstanding (" + ClientTimeouts.REDIS_REPLY_TIMEOUT_PROPERTY + ")"));
            }
            writerWaiting = true;
            if (repliesRead.get() < target && failure == null) {
                LockSupport.parkNanos(this, WAIT_SLICE_NANOS);
            }
            writerWaiting = false;
            if (Thread.currentThread().isInterrupted()) {
                throw new RedisLoadException("interrupted while waiting for Redis at " + address.hostAndPort());
            }
        }
    }

    /** Records the first failure and closes the socket, which unblocks a writer stuck in a send and the reader. */
    private void fail(RedisLoadException cause) {
        synchronized (this) {
            if (failure == null) {
                failure = cause;
            }
        }
        closeQuietly(socket);
        LockSupport.unpark(writerThread);
    }

    private void readReplies() {
        // the handshake (AUTH, SELECT) was answered synchronously and is already counted
        long read = repliesRead.get();
        try {
            while (true) {
                String error;
                try {
                    error = replies.skip();
                } catch (SocketTimeoutException e) {
                    long sendStarted = sendStartedNanos;
                    boolean sendBlocked = sendStarted != 0 && System.nanoTime() - sendStarted > replyTimeout.toNanos();
                    if (read < commandsSubmitted || sendBlocked) {
                        fail(new RedisLoadException("Redis at " + address.hostAndPort() + " sent no reply for "
                                + replyTimeout.toSeconds() + " s with " + (commandsSubmitted - read)
                                + " commands outstanding" + (sendBlocked ? " and is not reading what is sent" : "")
                                + " (" + ClientTimeouts.REDIS_REPLY_TIMEOUT_PROPERTY + ")", e));
                        return;
                    }
                    continue; // idle: every command sent so far is answered, nothing to wait for
                }
                read++;
                if (error != null) {
                    long tag = tags[(int) ((read - 1) & tagMask)];
                    failure = new RedisLoadException("Redis at " + address.hostAndPort() + " rejected command #"
                            + read + (tag >= 0 ? " (item " + tag + ")" : "") + ": " + error);
                    repliesRead.set(read);
                    LockSupport.unpark(writerThread);
                    return;
                }
                // publish progress before the reader could block, and at least every 256 replies; a waiting
                // writer is woken at once (the counter is exact whenever the reader runs out of bytes)
                if (!replies.hasBuffered() || (read & 255) == 0 || writerWaiting) {
                    repliesRead.lazySet(read);
                    if (writerWaiting) {
                        LockSupport.unpark(writerThread);
                    }
                }
            }
        } catch (ProtocolException e) {
            fail(new RedisLoadException("Redis at " + address.hostAndPort() + " sent a malformed reply after " + read
                    + " replies: " + e.getMessage(), e));
        } catch (IOException e) {
            // after close() has seen every reply, the socket is closed under the reader on purpose
            if (!closing && failure == null) {
                failure = new RedisLoadException("lost the connection to Redis at " + address.hostAndPort()
                        + " after " + read + " replies: " + e.getMessage(), e);
            }
            LockSupport.unpark(writerThread);
        } catch (Throwable e) {
            // an Error (OutOfMemoryError, StackOverflowError, ...) or a bug: the writer must not wait for a dead reader
            fail(new RedisLoadException("the reply reader for Redis at " + address.hostAndPort() + " died after " + read
                    + " replies: " + e, e));
        }
    }

    private void handshake() throws IOException {
        if (address.password() != null) {
            Object reply = address.user() == null
                    ? syncCall("AUTH", address.password())
                    : syncCall("AUTH", address.user(), address.password());
            if (reply instanceof RespReplyReader.ErrorReply error) {
                throw new RedisLoadException("Redis at " + address.hostAndPort() + " refused authentication"
                        + (address.user() == null ? "" : " for user " + address.user()) + ": " + error.message());
            }
        }
        if (address.database() != 0) {
            Object reply = syncCall("SELECT", Integer.toString(address.database()));
            if (reply instanceof RespReplyReader.ErrorReply error) {
                throw new RedisLoadException("Redis at " + address.hostAndPort() + " refused SELECT "
                        + address.database() + ": " + error.message());
            }
        }
    }

    private Object syncCall(String... command) throws IOException {
        begin(command.length);
        for (String argument : command) {
            arg(argument);
        }
        end();
        drainBuffered();
        out.flush();
        Object reply = replies.read();
        repliesRead.incrementAndGet();
        return reply;
    }

    /** Module names the server reports (MODULE LIST), lower-cased; empty when it has none. */
    public static List<String> modules(RedisAddress address, int connectTimeoutMs) {
        Object reply = call(address, connectTimeoutMs, "MODULE", "LIST");
        List<String> names = new ArrayList<>();
        if (reply instanceof RespReplyReader.ErrorReply error) {
            throw new RedisLoadException("Redis at " + address.hostAndPort() + " does not answer MODULE LIST: "
                    + error.message());
        }
        if (reply instanceof List<?> modules) {
            for (Object module : modules) {
                if (module instanceof List<?> fields) {
                    for (int i = 0; i + 1 < fields.size(); i += 2) {
                        if ("name".equals(text(fields.get(i)))) {
                            names.add(text(fields.get(i + 1)).toLowerCase(java.util.Locale.ROOT));
                        }
                    }
                }
            }
        }
        return names;
    }

    static String text(Object reply) {
        if (reply instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return String.valueOf(reply);
    }

    /** Layers TLS over a connected socket for {@code rediss://} (the JVM's default trust store). */
    private static Socket secured(Socket socket, RedisAddress address) throws IOException {
        if (!address.tls()) {
            return socket;
        }
        javax.net.ssl.SSLSocket tls = (javax.net.ssl.SSLSocket) ((javax.net.ssl.SSLSocketFactory) javax.net.ssl.SSLSocketFactory
                .getDefault()).createSocket(socket, address.host(), address.port(), true);
        tls.startHandshake();
        return tls;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing on a failure path; the original failure is what matters
        }
    }
}
