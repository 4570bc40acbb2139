package io.loadbench.loader.datasets.events;

import io.loadbench.loader.distribution.WeightedChoice;
import io.loadbench.loader.distribution.Zipf;
import io.loadbench.loader.random.RowRandom;
import net.datafaker.Faker;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Site pages, titles and file names drawn from Datafaker once, from a seeded {@link Random} and a fixed
 * English locale, then sampled by the generators: Datafaker is slow per call (regex and YAML lookups), so it
 * never runs per row. Immutable once built; shared by all workers.
 */
final class EventsPools {

    static final String SITE = "https://shop.example.com";

    /** One page of the site: its URL and its title already escaped for a JSON string. */
    record Page(String url, String titleJson) {
    }

    private final List<Page> products;
    private final List<Page> categories;
    private final List<Page> articles;
    private final List<Page> searches;
    private final List<Page> staticPages;
    private final List<String> videoTitlesJson;
    private final List<String> fileStems;
    private final Zipf productPopularity;
    private final Zipf articlePopularity;
    /** 0 product, 1 category, 2 article, 3 search, 4 static (home first). */
    private final WeightedChoice<Integer> pageKind = WeightedChoice.ofWeights(40, 15, 12, 10, 23);

    EventsPools(long seed) {
        Faker faker = new Faker(Locale.ENGLISH, new Random(seed));
        this.products = pages(distinct(500, () -> faker.commerce().productName()), "/products/");
        this.categories = pages(distinct(40, () -> faker.commerce().department()), "/category/");
        this.articles = pages(distinct(300, () -> faker.book().title()), "/blog/");
        List<String> terms = distinct(200, () -> faker.commerce().material() + " " + faker.commerce().productName().split(" ")[0]);
        List<Page> search = new ArrayList<>();
        for (String term : terms) {
            search.add(new Page(SITE + "/search?q=" + term.toLowerCase(Locale.ROOT).replace(' ', '+'),
                    json("Search results for " + term)));
        }
        this.searches = List.copyOf(search);
        List<Page> fixed = new ArrayList<>();
        String[][] statics = {{"/", "Home"}, {"/pricing", "Pricing"}, {"/about", "About us"}, {"/contact", "Contact"},
                {"/cart", "Your cart"}, {"/checkout", "Checkout"}, {"/login", "Sign in"}, {"/signup", "Create account"},
                {"/help", "Help center"}, {"/deals", "Today's deals"}};
        for (String[] s : statics) {
            fixed.add(new Page(SITE + s[0], json(s[1])));
        }
        this.staticPages = List.copyOf(fixed);
        this.videoTitlesJson = distinct(120, () -> faker.book().title()).stream().map(EventsPools::json).toList();
        this.fileStems = distinct(150, () -> slug(faker.commerce().productName() + " " + faker.book().genre()));
        this.productPopularity = new Zipf(products.size(), 1.0);
        this.articlePopularity = new Zipf(articles.size(), 0.8);
    }

    /** The page a session lands on (home pages and products dominate). */
    Page landingPage(RowRandom random) {
        return random.nextDouble() < 0.3 ? staticPages.get(0) : page(random);
    }

    /** Any page, popular ones more often (Zipf over products and articles). */
    Page page(RowRandom random) {
        return switch (pageKind.sampleIndex(random)) {
            case 0 -> products.get(productPopularity.sample(random) - 1);
            case 1 -> categories.get(random.nextInt(categories.size()));
            case 2 -> articles.get(articlePopularity.sample(random) - 1);
            case 3 -> searches.get(random.nextInt(searches.size()));
            default -> staticPages.get(random.nextInt(staticPages.size()));
        };
    }

    String videoTitleJson(RowRandom random) {
        return videoTitlesJson.get(random.nextInt(videoTitlesJson.size()));
    }

    String fileStem(RowRandom random) {
        return fileStems.get(random.nextInt(fileStems.size()));
    }

    private static List<String> distinct(int wanted, java.util.function.Supplier<String> source) {
        Set<String> values = new LinkedHashSet<>();
        // bounded: Datafaker's vocabularies are finite, so stop after a fixed number of attempts
        for (int attempt = 0; attempt < wanted * 20 && values.size() < wanted; attempt++) {
            values.add(source.get());
        }
        return List.copyOf(values);
    }

    private static List<Page> pages(List<String> names, String prefix) {
        List<Page> pages = new ArrayList<>();
        Set<String> urls = new LinkedHashSet<>();
        for (String name : names) {
            String url = SITE + prefix + slug(name);
            if (urls.add(url)) {
                pages.add(new Page(url, json(name)));
            }
        }
        return List.copyOf(pages);
    }

    static String slug(String s) {
        String lower = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return lower.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /** {@code s} as a JSON string literal, quotes included. */
    static String json(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
