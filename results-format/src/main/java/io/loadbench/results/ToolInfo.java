package io.loadbench.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Which loadbench wrote a run folder: its version and the git commit it was built from. Both are embedded at build
 * time in {@code io/loadbench/results/build.properties} (the version by resource filtering, the commit by
 * {@code git rev-parse HEAD} during the build); the commit is null for a build outside a git checkout.
 */
@JsonPropertyOrder({"name", "version", "gitCommit"})
public record ToolInfo(String name, String version, String gitCommit) {

    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");
    private static final ToolInfo CURRENT = load();

    /** The loadbench this code belongs to. */
    public static ToolInfo current() {
        return CURRENT;
    }

    private static ToolInfo load() {
        Properties build = new Properties();
        try (InputStream in = ToolInfo.class.getResourceAsStream("/io/loadbench/results/build.properties")) {
            if (in != null) {
                build.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // unreadable: the fields stay null
        }
        String version = build.getProperty("version");
        if (version != null && (version.isBlank() || version.startsWith("${"))) {
            version = null;
        }
        String commit = null;
        try (InputStream in = ToolInfo.class.getResourceAsStream("/io/loadbench/results/git-commit.txt")) {
            if (in != null) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                commit = COMMIT.matcher(text).matches() ? text : null;
            }
        } catch (IOException e) {
            // unreadable: unknown commit
        }
        return new ToolInfo("loadbench", version, commit);
    }
}
