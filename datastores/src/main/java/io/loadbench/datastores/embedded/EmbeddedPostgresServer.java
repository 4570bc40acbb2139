package io.loadbench.datastores.embedded;

import io.loadbench.datastores.DatastoreException;
import io.loadbench.datastores.PostgresEndpoint;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real PostgreSQL (zonky's Maven Central binaries) in a workspace directory, on a free loopback port, configured
 * by {@link EmbeddedPolicy}. The superuser {@code postgres} logs in with a password chosen at random for this server
 * ({@link ServerPassword}), checked with scram-sha-256 for every TCP and Unix-socket connection (initdb's
 * {@code --auth-host}/{@code --auth-local}), so another local user cannot reach the data; loadbench's own clients get it
 * through {@link PostgresEndpoint#password()}.
 * {@link #close()} stops the postmaster and deletes the data directory; {@code Datastores}' shutdown hook does the same at JVM
 * exit, and {@link EmbeddedWorkspace#cleanStale} after a {@code kill -9}.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** Superuser created by initdb; the embedded target logs in as this user. */
    public static final String SUPERUSER = "postgres";
    /** Database the embedded target uses. */
    public static final String DATABASE = "postgres";

    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final PostgresEndpoint endpoint;
    private final Duration startupTime;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir, String password, Duration startupTime) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.startupTime = startupTime;
        this.endpoint = new PostgresEndpoint("127.0.0.1", postgres.getPort(), DATABASE, SUPERUSER, password, Map.of());
    }

    /** Runs initdb in {@code workspace.postgresDataDir()} and starts the postmaster; fails with one clear line. */
    public static EmbeddedPostgresServer start(EmbeddedWorkspace workspace) {
        Path dataDir = workspace.postgresDataDir();
        Path log = workspace.dir().resolve("postgres.log");
        long startNs = System.nanoTime();
        String password = ServerPassword.generate();
        // initdb reads the superuser's password from a file (never the command line, which `ps` shows to everyone);
        // the file lives in the owner-only workspace and is deleted as soon as initdb has run
        Path passwordFile = workspace.dir().resolve("initdb-password");
        try {
            ServerPassword.writePrivateFile(passwordFile, password);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(true)
                    .setRegisterShutdownHook(false) // Datastores stops it (and then deletes the workspace) in its own hook
                    .setPort(FreePort.pick())
                    .setPGStartupWait(STARTUP_WAIT)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    // zonky passes `-A trust` first; these later options override it for TCP and the Unix socket
                    .setLocaleConfig("auth-host", "scram-sha-256")
                    .setLocaleConfig("auth-local", "scram-sha-256")
                    .setLocaleConfig("pwfile", passwordFile.toAbsolutePath().toString())
                    .setDataDirectoryCustomizer(initialised -> deleteQuietly(passwordFile))
                    // zonky's own readiness check logs in too
                    .setConnectConfig("password", password);
            for (EmbeddedPolicy.Setting setting : EmbeddedPolicy.postgresSettings()) {
                builder.setServerConfig(setting.name(), setting.value());
            }
            EmbeddedPostgres postgres = builder.start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, dataDir, password,
                    Duration.ofNanos(System.nanoTime() - startNs));
            return workspace.recordOrStop(EmbeddedWorkspace.Server.POSTGRES, server.pid(), dataDir, server);
        } catch (IOException | RuntimeException e) {
            throw new DatastoreException("embedded PostgreSQL did not start: " + oneLine(e) + lastLogLine(log), e);
        } finally {
            deleteQuietly(passwordFile);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the workspace is owner-only and deleted at close
        }
    }

    public PostgresEndpoint endpoint() {
        return endpoint;
    }

    /** The data directory (for tests that edit pg_hba.conf, and for troubleshooting). */
    public Path dataDir() {
        return dataDir;
    }

    /** How long initdb plus postmaster start took. */
    public Duration startupTime() {
        return startupTime;
    }

    /** The postmaster's pid, from {@code postmaster.pid}; -1 once stopped. */
    public long pid() {
        return EmbeddedWorkspace.readPid(dataDir.resolve("postmaster.pid")).orElse(-1L);
    }

    /** Stops the postmaster (fast shutdown) and deletes the data directory. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new DatastoreException("embedded PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        }
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String lastLogLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    return " (server log: " + lines.get(i).strip() + ")";
                }
            }
        } catch (IOException e) {
            // no log written: nothing to add
        }
        return "";
    }
}
