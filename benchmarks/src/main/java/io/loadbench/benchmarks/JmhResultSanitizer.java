package io.loadbench.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.loadbench.results.Json;
import io.loadbench.results.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.Map;

/**
 * Masks the passwords JMH copies into its JSON result file. JMH writes every fork's JVM arguments
 * ({@code jvmArgs}) verbatim, and the suite hands the target to its forks as
 * {@code -Dloadbench.pg.url=…password=…}: without this, {@code jmh.json} keeps the password that the manifest
 * masks. Every string of the file goes through {@link Secrets#maskUrl}, the one masking rule, so a password
 * that reaches another field (a benchmark parameter) is masked too.
 */
final class JmhResultSanitizer {

    private JmhResultSanitizer() {
    }

    /**
     * Rewrites {@code jmhJson} in place with every password masked, through a temporary file beside it so a
     * failed write never leaves half a file; a file that is not JSON is left alone (JMH may write text or CSV).
     *
     * @throws UncheckedIOException when the file cannot be read or rewritten
     */
    static void sanitize(Path jmhJson) {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(jmhJson.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jmhJson + " to mask its passwords: " + e.getMessage(), e);
        }
        if (tree == null) {
            return;
        }
        JsonNode masked = mask(tree);
        Path temporary = jmhJson.resolveSibling(jmhJson.getFileName() + ".masking");
        try {
            Json.mapper().writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), masked);
            Files.move(temporary, jmhJson, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the write already failed; its cause is the one to report
            }
            throw new UncheckedIOException("cannot rewrite " + jmhJson + " with its passwords masked: " + e.getMessage(), e);
        }
    }

    private static JsonNode mask(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(Secrets.maskUrl(node.asText()));
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, mask(array.get(i)));
            }
        } else if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(mask(field.getValue()));
            }
        }
        return node;
    }
}
