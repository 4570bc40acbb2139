package io.loadbench.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The last line of defence before a manifest reaches disk: every value whose key names a secret
 * ({@code password}, {@code secret}) becomes {@code ****}, every URL loses its user info, and any
 * {@code password=...} inside a text (a JDBC URL, a {@code -D} flag) is masked.
 */
final class ManifestSanitizer {

    private static final Pattern USER_INFO = Pattern.compile("(://)[^/?#@\\s\"]*@");

    private ManifestSanitizer() {
    }

    static void sanitize(JsonNode node) {
        if (node instanceof ObjectNode) {
            ObjectNode object = (ObjectNode) node;
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            object.fields().forEachRemaining(fields::add);
            for (Map.Entry<String, JsonNode> field : fields) {
                JsonNode value = field.getValue();
                if (Secrets.isSecretName(field.getKey()) && !value.isNull() && !value.isContainerNode()) {
                    object.put(field.getKey(), Secrets.MASK);
                } else if (value.isTextual()) {
                    object.set(field.getKey(), TextNode.valueOf(sanitizeText(value.asText())));
                } else {
                    sanitize(value);
                }
            }
        } else if (node instanceof ArrayNode) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                JsonNode element = array.get(i);
                if (element.isTextual()) {
                    array.set(i, TextNode.valueOf(sanitizeText(element.asText())));
                } else {
                    sanitize(element);
                }
            }
        }
    }

    /** Removes user info from URLs and masks {@code password=} values in a text. */
    static String sanitizeText(String text) {
        // the secrets filter first: it finds the end of a password that holds '@ / ? #' (the last '@'), which the
        // user-info pattern alone would cut at the first '@', leaving the rest of the password in the text
        return USER_INFO.matcher(Secrets.maskUrl(text)).replaceAll("$1");
    }
}
