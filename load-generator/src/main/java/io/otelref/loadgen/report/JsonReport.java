package io.otelref.loadgen.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.otelref.loadgen.config.DurationArgument;
import io.otelref.loadgen.config.LoadOptions;
import io.otelref.loadgen.results.LatencySummary;
import io.otelref.loadgen.results.RunResults;
import io.otelref.loadgen.results.SecondStats;
import io.otelref.loadgen.results.TracedRequest;

/**
 * The --report file: the run's configuration, counts by outcome, percentiles, per-second series and the trace
 * ids worth opening. {@code schema} names the layout so that tools reading old reports can tell them apart.
 */
public record JsonReport(
        String schema,
        Config config,
        Counts counts,
        LatencySummary latencyMs,
        double achievedPerSecond,
        List<SecondStats> perSecond,
        List<TracedRequest> slowest,
        List<TracedRequest> failed,
        Thresholds thresholds) {

    public static final String SCHEMA = "otelref.load-generator.report/v1";

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new SimpleModule().addSerializer(Double.class, new NanAsNull())
                    .addSerializer(Double.TYPE, new NanAsNull()))
            .enable(SerializationFeature.INDENT_OUTPUT);

    public record Config(String target, double rate, String rampUp, String duration, int maxInFlight,
                         String timeout, int hotAccounts, double hotShare, int itemsMin, int itemsMax,
                         double retryShare, String otlp, double sampleRatio, long seed) {
    }

    public record Counts(long requests, long errors, double errorRate, Map<String, Long> byOutcome,
                         Map<String, Long> byStatus, long resends, long resendStatusMismatch) {
    }

    /** Limits are null when not set. */
    public record Thresholds(Long maxP99Ms, Double maxErrorRate, boolean passed, List<String> breaches) {
    }

    public static JsonReport of(LoadOptions options, RunResults results, Verdict verdict) {
        Config config = new Config(options.target().toString(), options.rate(),
                DurationArgument.format(options.rampUp()), DurationArgument.format(options.duration()),
                options.maxInFlight(), DurationArgument.format(options.requestTimeout()), options.hotAccounts(),
                options.hotShare(), options.itemsMin(), options.itemsMax(), options.retryShare(),
                options.otlpEndpoint().map(Object::toString).orElse(null), options.sampleRatio(), options.seed());
        Counts counts = new Counts(results.requests(), results.errors(), results.errorRate(), results.outcomes(),
                results.statuses(), results.resends(), results.resendMismatch());
        Thresholds thresholds = new Thresholds(options.maxP99().map(limit -> limit.toMillis()).orElse(null),
                options.maxErrorRate().orElse(null), verdict.passed(), verdict.breaches());
        return new JsonReport(SCHEMA, config, counts, results.latency(), results.throughput(), results.perSecond(),
                results.slowest(), results.failed(), thresholds);
    }

    public void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    /** A second in which nothing ended has no percentile; JSON has no NaN, so say null. */
    private static final class NanAsNull extends JsonSerializer<Double> {
        @Override
        public void serialize(Double value, JsonGenerator json, SerializerProvider serializers) throws IOException {
            if (value.isNaN()) {
                json.writeNull();
            } else {
                json.writeNumber(value);
            }
        }
    }
}
