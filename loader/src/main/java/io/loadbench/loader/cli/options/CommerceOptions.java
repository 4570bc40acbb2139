package io.loadbench.loader.cli.options;

import io.loadbench.loader.datasets.commerce.CommerceSettings;
import io.loadbench.loader.sink.file.FileFormat;
import io.loadbench.loader.spi.InvalidOptionException;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The commerce dataset's own options, mapped onto {@link CommerceSettings}: the seed's generator options, and the file outputs. */
final class CommerceOptions implements DatasetOptions<CommerceSettings> {

    @Option(names = "--days", paramLabel = "N", description = "Days of traffic to generate (default: ${DEFAULT-VALUE}).")
    int days = CommerceSettings.DEFAULTS.days();

    @Option(names = "--incidents-per-day", paramLabel = "N|MIN-MAX", description = "Incidents per day (default: ${DEFAULT-VALUE}).")
    String incidentsPerDay = CommerceSettings.rangeText(CommerceSettings.DEFAULTS.incidentsPerDayMin(),
            CommerceSettings.DEFAULTS.incidentsPerDayMax());

    @Option(names = "--base-tps", paramLabel = "TPS", description = "Transactions per second of the schedule's base (default: ${DEFAULT-VALUE}).")
    double baseTps = CommerceSettings.DEFAULTS.baseTps();

    @Option(names = "--peak-multiplier", paramLabel = "X", description = "Traffic multiplier of the lunch peak; the evening peak scales with it (default: ${DEFAULT-VALUE}).")
    double peakMultiplier = CommerceSettings.DEFAULTS.peakMultiplier();

    @Option(names = "--error-rate-normal", paramLabel = "PCT|MIN-MAX", description = "Error rate in normal operation, percent (default: ${DEFAULT-VALUE}).")
    String errorRateNormal = CommerceSettings.rangeText(CommerceSettings.DEFAULTS.errorRateNormalMinPercent(),
            CommerceSettings.DEFAULTS.errorRateNormalMaxPercent());

    @Option(names = "--error-rate-incident", paramLabel = "PCT|MIN-MAX", description = "Error rate during incidents, percent (default: ${DEFAULT-VALUE}).")
    String errorRateIncident = CommerceSettings.rangeText(CommerceSettings.DEFAULTS.errorRateIncidentMinPercent(),
            CommerceSettings.DEFAULTS.errorRateIncidentMaxPercent());

    @Option(names = "--out", paramLabel = "DIR", description = "Also write the transactions as files into DIR (see --file-formats).")
    Path out = CommerceSettings.DEFAULTS.out();

    @Option(names = "--file-formats", paramLabel = "FORMAT", split = ",",
            description = "Files written with --out, comma-separated: bulk (OpenSearch/Elasticsearch _bulk NDJSON + mapping), ndjson, csv (default: ${DEFAULT-VALUE}).")
    List<String> format = new ArrayList<>(
            CommerceSettings.DEFAULTS.fileFormats().stream().map(FileFormat::optionValue).toList());

    @Option(names = "--gzip", description = "Gzip the files written with --out.")
    boolean gzip = CommerceSettings.DEFAULTS.gzip();

    @Override
    public CommerceSettings settings() {
        double[] incidents = CommerceSettings.range("--incidents-per-day", incidentsPerDay);
        if (incidents[0] != Math.rint(incidents[0]) || incidents[1] != Math.rint(incidents[1])) {
            throw new InvalidOptionException("--incidents-per-day", "must be whole numbers, got '" + incidentsPerDay + "'");
        }
        double[] normal = CommerceSettings.range("--error-rate-normal", errorRateNormal);
        double[] incident = CommerceSettings.range("--error-rate-incident", errorRateIncident);
        List<FileFormat> formats = new ArrayList<>();
        for (String f : format) {
            FileFormat parsed = FileFormat.parse(f);
            if (parsed == null) {
                throw new InvalidOptionException("--file-formats", "unknown format '" + f + "' (choose bulk, ndjson, csv)");
            }
            formats.add(parsed);
        }
        return new CommerceSettings(days, (int) incidents[0], (int) incidents[1], baseTps, peakMultiplier,
                normal[0], normal[1], incident[0], incident[1], CommerceSettings.DEFAULTS.start(), out, formats, gzip);
    }
}
