package io.loadbench.loader.datasets.events;

import io.loadbench.loader.distribution.WeightedChoice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed categorical distributions of the events seed (event types, countries and their cities,
 * devices) and the realistic ones it leaves open (operating systems per device, browsers per operating
 * system, referrers). Shares are percentages; each map's order is the order the checks print.
 */
final class EventsVocabulary {

    static final Map<String, Double> EVENT_TYPES = ordered(
            "page_view", 60.0, "click", 25.0, "form_submit", 10.0, "video_play", 3.0, "download", 2.0);
    static final int PAGE_VIEW = 0;
    static final int CLICK = 1;
    static final int FORM_SUBMIT = 2;
    static final int VIDEO_PLAY = 3;
    static final int DOWNLOAD = 4;

    static final Map<String, Double> COUNTRIES = ordered(
            "US", 45.0, "GB", 12.0, "CA", 10.0, "DE", 8.0, "FR", 7.0, "AU", 6.0, "IN", 5.0, "BR", 4.0, "JP", 3.0);

    /** Major cities per country in COUNTRIES order, largest first (the seed's counts: 10, 8, 6, 6, 6, 5, 6, 5, 5). */
    static final List<List<String>> CITIES = List.of(
            List.of("New York", "Los Angeles", "Chicago", "Houston", "Phoenix", "Philadelphia", "San Antonio",
                    "San Diego", "Dallas", "San Jose"),
            List.of("London", "Manchester", "Birmingham", "Leeds", "Glasgow", "Liverpool", "Bristol", "Edinburgh"),
            List.of("Toronto", "Montreal", "Vancouver", "Calgary", "Edmonton", "Ottawa"),
            List.of("Berlin", "Hamburg", "Munich", "Cologne", "Frankfurt", "Stuttgart"),
            List.of("Paris", "Marseille", "Lyon", "Toulouse", "Nice", "Nantes"),
            List.of("Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide"),
            List.of("Mumbai", "Delhi", "Bangalore", "Hyderabad", "Chennai", "Kolkata"),
            List.of("São Paulo", "Rio de Janeiro", "Brasília", "Salvador", "Fortaleza"),
            List.of("Tokyo", "Osaka", "Yokohama", "Nagoya", "Sapporo"));

    static final Map<String, Double> DEVICES = ordered("desktop", 55.0, "mobile", 40.0, "tablet", 5.0);

    /** Operating systems per device, DEVICES order (desktop/mobile/tablet market shares, rounded). */
    static final List<Map<String, Double>> OS_BY_DEVICE = List.of(
            ordered("Windows", 70.0, "macOS", 22.0, "Linux", 4.0, "ChromeOS", 4.0),
            ordered("Android", 58.0, "iOS", 42.0),
            ordered("iPadOS", 60.0, "Android", 40.0));

    /** Browsers per operating system name. */
    static final Map<String, Map<String, Double>> BROWSER_BY_OS = Map.of(
            "Windows", ordered("Chrome", 72.0, "Edge", 18.0, "Firefox", 7.0, "Opera", 3.0),
            "macOS", ordered("Safari", 50.0, "Chrome", 42.0, "Firefox", 6.0, "Edge", 2.0),
            "Linux", ordered("Chrome", 60.0, "Firefox", 40.0),
            "ChromeOS", ordered("Chrome", 100.0),
            "Android", ordered("Chrome", 80.0, "Samsung Internet", 14.0, "Firefox", 3.0, "Opera", 3.0),
            "iOS", ordered("Safari", 88.0, "Chrome", 12.0),
            "iPadOS", ordered("Safari", 85.0, "Chrome", 15.0));

    /** Where a session comes from; {@code null} is direct traffic (typed URL, bookmark). */
    static final Map<String, Double> REFERRERS = ordered(
            null, 35.0,
            "https://www.google.com/", 38.0,
            "https://www.bing.com/", 5.0,
            "https://duckduckgo.com/", 2.0,
            "https://www.facebook.com/", 6.0,
            "https://t.co/", 3.0,
            "https://www.linkedin.com/", 3.0,
            "https://www.reddit.com/", 3.0,
            "https://www.youtube.com/", 3.0,
            "https://news.ycombinator.com/", 2.0);

    static final List<String> CLICK_TARGETS = List.of("button.add-to-cart", "a.product-card", "button.buy-now",
            "a.nav-link", "button.search", "a.footer-link", "button.menu-toggle", "a.breadcrumb", "button.filter",
            "a.related-item");

    static final List<String> FORMS = List.of("newsletter", "signup", "login", "checkout", "contact", "search",
            "review");

    static final List<String> FILE_EXTENSIONS = List.of("pdf", "zip", "csv", "xlsx", "docx");

    static final List<String> CAMPAIGNS = List.of("spring_sale", "black_friday", "newsletter_weekly",
            "retargeting", "brand_search", "product_launch");

    private EventsVocabulary() {
    }

    static <T> WeightedChoice<T> choice(Map<T, Double> shares) {
        return WeightedChoice.of(new ArrayList<>(shares.keySet()), shares.values().stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** A LinkedHashMap from alternating keys and values (allows a null key). */
    @SuppressWarnings("unchecked")
    static <T> Map<T, Double> ordered(Object... keysAndValues) {
        Map<T, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((T) keysAndValues[i], (Double) keysAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
