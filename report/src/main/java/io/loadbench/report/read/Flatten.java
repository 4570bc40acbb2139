package io.loadbench.report.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/** Turns a JSON tree into sorted {@code a.b.c -> value} pairs, the shape in which runs are diffed. */
public final class Flatten {

    private Flatten() {
    }

    /** A free-form section of a run file (a manifest's plan or target) flattened the same way. */
    public static Map<String, String> flatten(Map<String, Object> section) {
        return flatten((JsonNode) JsonFiles.MAPPER.valueToTree(section));
    }

    public static Map<String, String> flatten(JsonNode node) {
        Map<String, String> out = new TreeMap<>();
        flatten("", node, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node == null || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), out);
            }
        } else if (node.isArray()) {
            StringBuilder joined = new StringBuilder();
            for (JsonNode element : node) {
                if (joined.length() > 0) {
                    joined.append(' ');
                }
                joined.append(element.isValueNode() ? element.asText() : element.toString());
            }
            out.put(prefix, joined.toString());
        } else if (node.isNull()) {
            out.put(prefix, "null");
        } else if (node.isBigDecimal() || node.isDouble() || node.isFloat()) {
            // 1000.0 and 1000 are the same setting; print numbers without a redundant fraction
            out.put(prefix, node.decimalValue().stripTrailingZeros().toPlainString());
        } else {
            out.put(prefix, node.asText());
        }
    }
}
