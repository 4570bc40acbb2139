package io.loadbench.datastores;

import io.loadbench.results.Secrets;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pieces of a {@code scheme://[user[:password]@]host[:port][/path][?query]} URL, split by hand because
 * {@link java.net.URI} rejects characters people put in passwords and gives no message worth showing.
 * Every error names the option the URL came from, with the password masked.
 */
final class UrlParts {
    final String scheme;
    final String user;
    final String password;
    final String host;
    final Integer port;
    final String path;
    final Map<String, String> query;

    private UrlParts(String scheme, String user, String password, String host, Integer port, String path,
                     Map<String, String> query) {
        this.scheme = scheme;
        this.user = user;
        this.password = password;
        this.host = host;
        this.port = port;
        this.path = path;
        this.query = query;
    }

    /**
     * @param url          the URL to split, starting with {@code scheme://}
     * @param originalUrl  the URL as the user gave it, shown (masked) in errors
     */
    static UrlParts parse(String url, String originalUrl, String optionName, String expectedForm) {
        String shown = Secrets.maskUrl(originalUrl);
        int schemeEnd = url.indexOf("://");
        if (schemeEnd <= 0) {
            throw invalid(optionName, shown, "no scheme", expectedForm);
        }
        String scheme = url.substring(0, schemeEnd);
        String rest = url.substring(schemeEnd + 3);

        String queryText = null;
        int queryStart = rest.indexOf('?');
        if (queryStart >= 0) {
            queryText = rest.substring(queryStart + 1);
            rest = rest.substring(0, queryStart);
        }
        String path = null;
        int slash = rest.indexOf('/');
        String authority = rest;
        if (slash >= 0) {
            path = decode(rest.substring(slash + 1), optionName, shown);
            authority = rest.substring(0, slash);
        }

        String user = null;
        String password = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            if (colon >= 0) {
                user = decode(userInfo.substring(0, colon), optionName, shown);
                password = decode(userInfo.substring(colon + 1), optionName, shown);
            } else {
                user = decode(userInfo, optionName, shown);
            }
            if (user.isEmpty()) {
                user = null;
            }
        }

        if (authority.contains(",")) {
            throw invalid(optionName, shown, "several hosts are not supported", expectedForm);
        }
        String host;
        String portText = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw invalid(optionName, shown, "unterminated IPv6 address", expectedForm);
            }
            host = authority.substring(0, close + 1);
            String after = authority.substring(close + 1);
            if (after.startsWith(":")) {
                portText = after.substring(1);
            } else if (!after.isEmpty()) {
                throw invalid(optionName, shown, "unexpected text after the host", expectedForm);
            }
        } else {
            int colon = authority.indexOf(':');
            host = colon >= 0 ? authority.substring(0, colon) : authority;
            portText = colon >= 0 ? authority.substring(colon + 1) : null;
        }
        if (host.isEmpty()) {
            throw invalid(optionName, shown, "no host", expectedForm);
        }
        Integer port = null;
        if (portText != null) {
            try {
                port = Integer.valueOf(portText);
            } catch (NumberFormatException e) {
                throw invalid(optionName, shown, "port '" + Secrets.shownPart(portText, shown) + "' is not a number", expectedForm);
            }
            if (port < 1 || port > 65535) {
                throw invalid(optionName, shown, "port " + Secrets.shownPart(portText, shown) + " is outside 1-65535", expectedForm);
            }
        }

        Map<String, String> query = new TreeMap<>();
        if (queryText != null && !queryText.isEmpty()) {
            for (String pair : queryText.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq >= 0 ? pair.substring(0, eq) : pair, optionName, shown);
                String value = eq >= 0 ? decode(pair.substring(eq + 1), optionName, shown) : "";
                query.put(key, value);
            }
        }
        return new UrlParts(scheme, user, password, host, port, path, query);
    }

    private static String decode(String text, String optionName, String shown) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidTargetException(optionName + ": bad percent-encoding in " + shown);
        }
    }

    static InvalidTargetException invalid(String optionName, String shownUrl, String problem, String expectedForm) {
        return new InvalidTargetException(
                optionName + ": " + problem + " in '" + shownUrl + "' (expected " + expectedForm + ")");
    }
}
