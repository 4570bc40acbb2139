package io.loadbench.datastores;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The process that listens on a loopback port of this machine, from Linux's {@code /proc}: the listening sockets of
 * {@code /proc/net/tcp} and {@code tcp6} whose local port matches, then the process holding one of them open. It is
 * how a server named by an external URL to {@code 127.0.0.1} (the system under test, on the injector's own machine)
 * is told from the rest of the machine when noise is measured. Empty when the host is not loopback, the system has
 * no {@code /proc}, or the process is not visible to this user.
 */
final class LocalListener {

    private static final Path PROC = Path.of("/proc");
    private static final String LISTEN = "0A";

    private LocalListener() {
    }

    /** The pid listening on {@code host:port}, when {@code host} is a loopback address of this machine. */
    static Optional<Long> pidOf(String host, int port) {
        if (!isLoopback(host) || !Files.isDirectory(PROC.resolve("net"))) {
            return Optional.empty();
        }
        Set<String> inodes = new HashSet<>();
        for (String table : List.of("tcp", "tcp6")) {
            inodes.addAll(listeningInodes(PROC.resolve("net").resolve(table), port));
        }
        if (inodes.isEmpty()) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, entry -> isNumber(entry.getFileName().toString()))) {
            for (Path process : processes) {
                if (holdsAny(process.resolve("fd"), inodes)) {
                    return Optional.of(Long.parseLong(process.getFileName().toString()));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }

    /** Inodes of the listening sockets on {@code port} in one {@code /proc/net/tcp*} table. */
    private static Set<String> listeningInodes(Path table, int port) {
        Set<String> inodes = new HashSet<>();
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        try {
            for (String line : Files.readAllLines(table)) {
                String[] fields = line.trim().split("\\s+");
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
                if (fields.length > 9 && fields[1].endsWith(hexPort) && fields[3].equals(LISTEN)) {
                    inodes.add(fields[9]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // no such table (no IPv6) or not readable: nothing found in it
        }
        return inodes;
    }

    private static boolean holdsAny(Path fdDir, Set<String> inodes) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(fdDir)) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[") && inodes.contains(target.substring(8, target.length() - 1))) {
                        return true;
                    }
                } catch (IOException | RuntimeException e) {
                    // the descriptor closed meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            // another user's process, or one that exited
        }
        return false;
    }

    private static boolean isNumber(String name) {
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }
}
