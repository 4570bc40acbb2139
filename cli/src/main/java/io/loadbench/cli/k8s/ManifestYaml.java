package io.loadbench.cli.k8s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The one owner of the manifests' YAML: writes the typed objects, and reads them back as the same types (the tests do,
 * to hold the output to the Kubernetes model). Strings are written plain where YAML cannot read them as anything else
 * and quoted otherwise: a value that starts as a number does ({@code "4"}, an instant, {@code "-1"}, {@code ".5"}) is quoted,
 * since the API server refuses a number where a string belongs ({@code env[].value}) and YAML 1.1 reads an unquoted
 * ISO instant as a timestamp.
 */
final class ManifestYaml {

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .stringQuotingChecker(new QuoteNumberLikeValues())
            .build());

    private ManifestYaml() {
    }

    /** One document, starting with {@code ---}, after {@code comment} as {@code #} lines. */
    static String document(String comment, Object object) {
        StringBuilder yaml = new StringBuilder();
        comment.lines().forEach(line -> yaml.append("# ").append(line).append('\n'));
        try {
            yaml.append(YAML.writeValueAsString(object));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("could not write " + object.getClass().getSimpleName() + " as YAML", e);
        }
        return yaml.toString();
    }

    /** Every document of {@code yaml}, read as a Job. */
    static List<Job> readJobs(String yaml) {
        try (MappingIterator<Job> jobs = YAML.readerFor(Job.class).readValues(yaml)) {
            return jobs.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException("not a YAML list of Jobs: " + e.getMessage(), e);
        }
    }

    /** The JSON {@code kubectl get job NAME -o json} prints, as a Job. */
    static Job readJobJson(String json) {
        try {
            return new ObjectMapper().readValue(json, Job.class);
        } catch (IOException e) {
            throw new UncheckedIOException("kubectl printed no Job: " + e.getMessage(), e);
        }
    }

    /** Jackson's rules, and quotes for anything that starts the way a number, a date or a negative number does. */
    private static final class QuoteNumberLikeValues extends StringQuotingChecker.Default {

        private static final long serialVersionUID = 1L;

        @Override
        public boolean needToQuoteValue(String value) {
            return startsLikeANumber(value) || value.length() > 1 && "-+.".indexOf(value.charAt(0)) >= 0
                    && startsLikeANumber(value.substring(1)) || super.needToQuoteValue(value);
        }

        private static boolean startsLikeANumber(String value) {
            return !value.isEmpty() && "0123456789.".indexOf(value.charAt(0)) >= 0;
        }
    }
}
