package io.otelref.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.otelref.conventions.SemanticConventions;
import io.otelref.observability.logs.LogRecord;
import io.otelref.telemetry.attributes.LogRecordAttributes;

/**
 * The services' log records reach VictoriaLogs through the collector, each with the trace and span it was written
 * in, and a healthy checkout stays within its log budget (docs/telemetry/logs.md).
 */
class LogsEndToEndTest {

    /**
     * The records a healthy checkout writes, per service: one per state transition of its order, in the service that
     * made it (order placed and invoiced; payment authorized and invoice created; the invoice published).
     */
    static final Map<String, Long> HEALTHY_CHECKOUT_BUDGET = Map.of(
            "checkout-service", 2L, "billing-service", 2L, "invoice-worker", 1L);

    private static final Pattern E_MAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    /**
     * A payment card number: 15 to 19 digits, together or in groups of four, that pass the Luhn check. Not 13 or
     * 14: millisecond timestamps (13 digits) are in every retry message, and such cards are no longer issued.
     */
    private static final Pattern CARD_NUMBER = Pattern.compile("(?<![0-9A-Za-z-])(\\d{15,19}|\\d{4}([ -]\\d{4}){3})(?![0-9A-Za-z-])");
    /**
     * What VictoriaLogs makes of a record's OTLP envelope, beside the fields LogRecord names: the severity's number
     * and the instrumentation scope (Quarkus's log handler, {@code io.quarkus.opentelemetry}), which OTLP carries
     * beside the attributes and the store flattens into fields.
     */
    private static final Set<String> STORE_FIELDS = Set.of("severity_number", "scope.name", "scope.version");
    /** Ids by construction (hex, sometimes all digits), not text anybody typed. */
    private static final Set<String> ID_FIELDS = Set.of("parentId", "trace_id", "span_id");

    @Test
    void aCheckoutsTraceIdFindsTheRecordsOfAllThreeServicesWithinItsBudget() {
        Stack.CallerTrace caller = Stack.CallerTrace.random();
        Stack.Answer placed = Stack.checkout(caller,
                "{\"accountId\":\"acc-0052\",\"items\":[{\"sku\":\"SKU-0012\",\"quantity\":1}]}");
        assertEquals(201, placed.status(), () -> "checkout answered " + placed.body());
        String orderId = placed.body().path("orderId").asText();

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            List<LogRecord> records = Stack.logs.ofTrace(caller.traceId());
            Map<String, Long> perService = new TreeMap<>(records.stream()
                    .collect(Collectors.groupingBy(LogRecord::service, Collectors.counting())));
            assertEquals(new TreeMap<>(HEALTHY_CHECKOUT_BUDGET), perService, () -> "records of trace "
                    + caller.traceId() + " per service, against the budget of a healthy checkout:\n" + describe(records));
            assertTrue(records.stream().allMatch(record -> record.spanId().isPresent()
                    && record.message().contains(orderId) && record.severity().equals("INFO")),
                    () -> "each names its span and the order, at INFO:\n" + describe(records));
        });
    }

    /**
     * A record's fields are its resource's (current semantic-convention names, as on every span), the ones
     * LogRecordAttributes declares and VictoriaLogs's own: nothing Quarkus's log handler adds besides, which the
     * collector drops.
     */
    @Test
    void aRecordCarriesTheResourceTheDeclaredAttributesAndNothingElse() {
        Stack.CallerTrace caller = Stack.CallerTrace.random();
        Stack.Answer placed = Stack.checkout(caller,
                "{\"accountId\":\"acc-0053\",\"items\":[{\"sku\":\"SKU-0013\",\"quantity\":1}]}");
        assertEquals(201, placed.status(), () -> "checkout answered " + placed.body());
        List<LogRecord> records = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                .until(() -> Stack.logs.ofTrace(caller.traceId()), found -> found.stream().map(LogRecord::service)
                        .collect(Collectors.toSet()).size() == HEALTHY_CHECKOUT_BUDGET.size());

        SemanticConventions conventions = SemanticConventions.load();
        Set<String> declared = LogRecordAttributes.KEPT.stream().map(AttributeKey::getKey).collect(Collectors.toSet());
        Map<String, String> offenders = new TreeMap<>();
        for (LogRecord record : records) {
            for (String field : record.fields().keySet()) {
                if (!declared.contains(field) && !STORE_FIELDS.contains(field)
                        && conventions.judge(field).isOffender()) {
                    offenders.put(field, record.service() + ": " + conventions.judge(field).describe());
                }
            }
        }
        assertEquals(Map.of(), offenders, "fields of trace " + caller.traceId() + "'s records that are neither the"
                + " resource's, nor declared in LogRecordAttributes, nor VictoriaLogs's own");
        assertTrue(records.stream().allMatch(record -> record.fields().containsKey("code.function.name")
                && record.fields().containsKey("service.version")), () -> "each names its code and the service's version: "
                + records.getFirst().fields());
    }

    /**
     * What a trainee does without the CLI: open VictoriaLogs's own web UI with the trace id as the query. Rendered by
     * a real headless Chromium, the page shows each of the checkout's records, of all three services.
     */
    @Test
    void theStoresWebUiShowsACheckoutsRecordsByTraceId() throws Exception {
        Stack.CallerTrace caller = Stack.CallerTrace.random();
        Stack.Answer placed = Stack.checkout(caller,
                "{\"accountId\":\"acc-0054\",\"items\":[{\"sku\":\"SKU-0014\",\"quantity\":1}]}");
        assertEquals(201, placed.status(), () -> "checkout answered " + placed.body());
        List<LogRecord> records = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                .until(() -> Stack.logs.ofTrace(caller.traceId()), found -> found.size()
                        == HEALTHY_CHECKOUT_BUDGET.values().stream().mapToLong(Long::longValue).sum());

        String query = URLEncoder.encode("trace_id:" + caller.traceId(), StandardCharsets.UTF_8);
        String page = HeadlessChromium.renderedPage(Stack.VICTORIALOGS.resolve(
                "/select/vmui/#/?query=" + query + "&g0.range_input=15m&g0.relative_time=last_15_minutes"));

        List<String> missing = records.stream().map(LogRecord::message).filter(message -> !page.contains(message)).toList();
        assertEquals(List.of(), missing, () -> "records of trace " + caller.traceId() + " that VictoriaLogs's UI does not"
                + " show; the page began:\n" + page.substring(0, Math.min(page.length(), 2000)));
    }

    @Test
    void noRecordCarriesAnEMailAddressOrACardNumber() {
        List<LogRecord> recent = Stack.logs.within(Duration.ofMinutes(30), 50_000);
        assertTrue(recent.size() > 0, "no log record in the store from the last 30 minutes");
        List<String> offenders = recent.stream()
                .flatMap(record -> Stream.concat(Stream.of(Map.entry("_msg", record.message())),
                        record.fields().entrySet().stream())
                        .filter(field -> !ID_FIELDS.contains(field.getKey()))
                        .filter(field -> E_MAIL.matcher(field.getValue()).find() || containsCardNumber(field.getValue()))
                        .map(field -> record.service() + " " + field.getKey() + "=" + field.getValue()))
                .distinct().limit(10).toList();
        assertEquals(List.of(), offenders, "log fields that look like personal data, of " + recent.size() + " records");
    }

    private static boolean containsCardNumber(String text) {
        Matcher candidates = CARD_NUMBER.matcher(text);
        while (candidates.find()) {
            if (passesLuhn(candidates.group().replaceAll("[ -]", ""))) {
                return true;
            }
        }
        return false;
    }

    private static boolean passesLuhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? digit : digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
        }
        return sum % 10 == 0;
    }

    private static String describe(List<LogRecord> records) {
        return records.stream().map(record -> "  " + record.time() + " " + record.service() + " span "
                + record.spanId().orElse("-") + " " + record.severity() + " " + record.message())
                .collect(Collectors.joining("\n"));
    }
}
