package io.loadbench.loader.datasets.events;

import io.loadbench.loader.random.RowRandom;
import io.loadbench.loader.spi.RowGenerator;
import io.loadbench.loader.spi.RowWriter;

import java.util.List;
import java.util.Locale;

/**
 * Generates event rows in sessions while keeping row <i>i</i> a pure function of (seed, <i>i</i>).
 *
 * <p>Rows are grouped in fixed blocks of {@value #BLOCK_ROWS}. A block's session boundaries come from a
 * stream seeded by (seed, block): session lengths are 1 + an exponential of mean 4, capped at 30, cut at the
 * block's end. Each session's attributes (user, session id, device, OS, browser, country, city, start time,
 * landing page, referrer) come from a stream seeded by (seed, first row of the session); each row's own
 * values (event type, the gap since the previous event, new page, properties) from a stream seeded by
 * (seed, row). The generator computes a whole block when it is first asked for one of its rows and serves
 * the following rows from that cache, so any row can be generated alone, in any order, on any worker, and
 * comes out the same.
 */
final class EventsGenerator implements RowGenerator {

    static final int BLOCK_ROWS = 64;
    private static final int MAX_SESSION_EVENTS = 30;
    private static final double MEAN_EXTRA_SESSION_EVENTS = 4.0;
    private static final double MEAN_GAP_SECONDS = 35.0;
    private static final double MAX_GAP_SECONDS = 115.0;

    private final EventsDataset d;
    private final RowRandom blockRandom = new RowRandom();
    private final RowRandom sessionRandom = new RowRandom();
    private final RowRandom rowRandom = new RowRandom();
    private final StringBuilder json = new StringBuilder(256);

    private long cachedBlock = -1;
    private final long[] userId = new long[BLOCK_ROWS];
    private final long[] sessionMsb = new long[BLOCK_ROWS];
    private final long[] sessionLsb = new long[BLOCK_ROWS];
    private final String[] eventType = new String[BLOCK_ROWS];
    private final long[] eventTimeMicros = new long[BLOCK_ROWS];
    private final String[] pageUrl = new String[BLOCK_ROWS];
    private final String[] referrer = new String[BLOCK_ROWS];
    private final String[] country = new String[BLOCK_ROWS];
    private final String[] city = new String[BLOCK_ROWS];
    private final String[] device = new String[BLOCK_ROWS];
    private final String[] browser = new String[BLOCK_ROWS];
    private final String[] os = new String[BLOCK_ROWS];
    private final String[] properties = new String[BLOCK_ROWS];

    EventsGenerator(EventsDataset dataset) {
        this.d = dataset;
    }

    @Override
    public void generate(long rowIndex, RowWriter out) {
        long block = rowIndex / BLOCK_ROWS;
        if (block != cachedBlock) {
            computeBlock(block);
        }
        int k = (int) (rowIndex - block * BLOCK_ROWS);
        out.int8(rowIndex + 1);
        out.int8(userId[k]);
        out.uuid(sessionMsb[k], sessionLsb[k]);
        out.text(eventType[k]);
        out.timestamptz(eventTimeMicros[k]);
        out.text(pageUrl[k]);
        if (referrer[k] == null) {
            out.writeNull();
        } else {
            out.text(referrer[k]);
        }
        out.text(country[k]);
        out.text(city[k]);
        out.text(device[k]);
        out.text(browser[k]);
        out.text(os[k]);
        out.jsonb(properties[k]);
    }

    private void computeBlock(long block) {
        long first = block * BLOCK_ROWS;
        int size = (int) Math.min(BLOCK_ROWS, d.rows() - first);
        blockRandom.reset(d.blockSeed, block);
        int position = 0;
        while (position < size) {
            int length = 1 + (int) Math.min(MAX_SESSION_EVENTS - 1, blockRandom.nextExponential(MEAN_EXTRA_SESSION_EVENTS));
            length = Math.min(length, size - position);
            fillSession(first, position, length);
            position += length;
        }
        cachedBlock = block;
    }

    private void fillSession(long blockFirstRow, int from, int length) {
        RowRandom s = sessionRandom.reset(d.sessionSeed, blockFirstRow + from);
        long user = d.userIds.idOf(d.userRanks.sample(s));
        long msb = (s.nextLong() & ~0xF000L) | 0x4000L; // UUID version 4
        long lsb = (s.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // IETF variant
        int deviceIndex = d.devices.sampleIndex(s);
        String deviceName = d.devices.value(deviceIndex);
        String osName = d.osByDevice.get(deviceIndex).sample(s);
        String browserName = d.browserByOs.get(osName).sample(s);
        int countryIndex = d.countries.sampleIndex(s);
        String countryCode = d.countries.value(countryIndex);
        String cityName = d.citiesByCountry.get(countryIndex).sample(s);
        long time = d.sessionStarts.sampleEpochMicros(s);
        String sessionReferrer = d.referrers.sample(s);
        String campaign = sessionReferrer != null && s.nextBoolean(0.2)
                ? EventsVocabulary.CAMPAIGNS.get(s.nextInt(EventsVocabulary.CAMPAIGNS.size())) : null;
        EventsPools.Page page = d.pools.landingPage(s);
        String pageReferrer = sessionReferrer;

        for (int j = 0; j < length; j++) {
            int k = from + j;
            RowRandom r = rowRandom.reset(d.rowSeed, blockFirstRow + k);
            if (j > 0) {
                double gapSeconds = 1.0 + Math.min(MAX_GAP_SECONDS, r.nextExponential(MEAN_GAP_SECONDS));
                time += (long) (gapSeconds * 1_000_000);
            }
            int type = d.eventTypes.sampleIndex(r);
            if (type == EventsVocabulary.PAGE_VIEW && j > 0) {
                pageReferrer = page.url();
                page = d.pools.page(r);
            }
            userId[k] = user;
            sessionMsb[k] = msb;
            sessionLsb[k] = lsb;
            eventType[k] = d.eventTypes.value(type);
            eventTimeMicros[k] = time;
            pageUrl[k] = page.url();
            referrer[k] = pageReferrer;
            country[k] = countryCode;
            city[k] = cityName;
            device[k] = deviceName;
            browser[k] = browserName;
            os[k] = osName;
            properties[k] = properties(type, r, page, j == 0 ? campaign : null, deviceName);
        }
    }

    private String properties(int type, RowRandom r, EventsPools.Page page, String campaign, String deviceName) {
        StringBuilder b = json;
        b.setLength(0);
        b.append('{');
        switch (type) {
            case EventsVocabulary.PAGE_VIEW -> {
                b.append("\"title\": ").append(page.titleJson());
                // load times are roughly log-normal: median ~700 ms, slower on mobile
                double median = "mobile".equals(deviceName) ? 1100 : 650;
                b.append(", \"load_time_ms\": ").append((long) (median * Math.exp(0.6 * r.nextGaussian())));
                b.append(", \"scroll_depth_pct\": ").append(10 * r.nextInt(11));
            }
            case EventsVocabulary.CLICK -> {
                b.append("\"element\": \"").append(pick(EventsVocabulary.CLICK_TARGETS, r)).append('"');
                b.append(", \"x\": ").append(r.nextInt("mobile".equals(deviceName) ? 430 : 1920));
                b.append(", \"y\": ").append(r.nextInt("mobile".equals(deviceName) ? 932 : 1080));
            }
            case EventsVocabulary.FORM_SUBMIT -> {
                b.append("\"form_id\": \"").append(pick(EventsVocabulary.FORMS, r)).append('"');
                b.append(", \"fields\": ").append(1 + r.nextInt(12));
                b.append(", \"success\": ").append(r.nextBoolean(0.92));
                b.append(", \"duration_ms\": ").append(2_000 + (long) r.nextExponential(25_000));
            }
            case EventsVocabulary.VIDEO_PLAY -> {
                int duration = 30 + r.nextInt(1_770);
                b.append("\"video_id\": \"vid_").append(String.format(Locale.ROOT, "%06x", r.nextInt(1 << 24))).append('"');
                b.append(", \"title\": ").append(d.pools.videoTitleJson(r));
                b.append(", \"duration_s\": ").append(duration);
                b.append(", \"position_s\": ").append(r.nextDouble() < 0.7 ? 0 : r.nextInt(duration));
            }
            default -> {
                String extension = pick(EventsVocabulary.FILE_EXTENSIONS, r);
                b.append("\"file_name\": \"").append(d.pools.fileStem(r)).append('.').append(extension).append('"');
                // sizes spread over 20 KB .. 200 MB, log-uniform
                b.append(", \"file_size_bytes\": ").append((long) (20_000 * Math.pow(10_000, r.nextDouble())));
            }
        }
        if (campaign != null) {
            b.append(", \"utm_campaign\": \"").append(campaign).append('"');
        }
        return b.append('}').toString();
    }

    private static String pick(List<String> values, RowRandom r) {
        return values.get(r.nextInt(values.size()));
    }
}
