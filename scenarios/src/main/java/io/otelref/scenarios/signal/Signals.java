package io.otelref.scenarios.signal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import io.otelref.loadgen.results.TracedRequest;
import io.otelref.observability.trace.SpanKind;
import io.otelref.observability.trace.Trace;
import io.otelref.observability.trace.TraceSpan;
import io.otelref.telemetry.attributes.AppAttributes;
import io.otelref.scenarios.run.PhaseRecord;

/** The signals the catalogue is made of. Each reads one phase's load results, traces or metrics. */
public final class Signals {

    private Signals() {
    }

    /** p95 latency the user saw, from the load generator's intended send times. */
    public static Signal userP95() {
        return new Signal("checkout p95 seen by the user", "ms", (phase, telemetry) -> phase.load().latency().p95Ms());
    }

    public static Signal errorRate() {
        return new Signal("checkouts that failed", "share", (phase, telemetry) -> phase.load().errorRate());
    }

    /** Average number of {@code matching} spans in a checkout's trace. */
    public static Signal perCheckout(String name, Predicate<TraceSpan> matching) {
        return new Signal(name, "per checkout", (phase, telemetry) -> Percentiles.mean(
                phase.requestTraces().stream().map(trace -> (double) trace.find(matching).size()).toList()));
    }

    /** {@code percentile} of the durations of every {@code matching} span of the phase. */
    public static Signal spanDuration(String name, Predicate<TraceSpan> matching, double percentile) {
        return new Signal(name, "ms", (phase, telemetry) -> Percentiles.of(phase.requestTraces().stream()
                .flatMap(trace -> trace.find(matching).stream())
                .map(span -> millis(span.duration()))
                .toList(), percentile));
    }

    /**
     * Median time per checkout request that lies between spans: inside checkout-service's own SERVER and
     * INTERNAL spans that have children, while none of those children ran. Work or waiting that no span names
     * shows up here; a childless span is not counted, because its name accounts for its time.
     */
    public static Signal timeBetweenSpans() {
        return new Signal("time in checkout between spans (p50)", "ms",
                (phase, telemetry) -> Percentiles.of(phase.requestTraces().stream()
                        .map(Signals::timeBetweenCheckoutSpans)
                        .flatMap(Optional::stream)
                        .toList(), 50));
    }

    /** From the checkout's answer to the moment checkout applied the InvoiceCreated event, per placed order. */
    public static Signal orderToInvoice(double percentile) {
        return new Signal("order to invoice p" + (int) percentile, "ms", (phase, telemetry) -> Percentiles.of(
                placedTraces(phase).stream()
                        .map(Signals::orderToInvoice)
                        .flatMap(Optional::stream)
                        .toList(), percentile));
    }

    /** Share of placed orders whose InvoiceCreated event reached checkout. */
    public static Signal ordersInvoiced() {
        return new Signal("placed orders invoiced", "share", (phase, telemetry) -> share(placedTraces(phase),
                trace -> !trace.find(Spans.invoiceApplied()).isEmpty()));
    }

    /** Share of placed orders for which billing issued more than one distinct invoice. */
    public static Signal ordersInvoicedTwice() {
        return new Signal("placed orders invoiced more than once", "share", (phase, telemetry) -> share(
                placedTraces(phase), trace -> trace.find(Spans.invoiceIssued()).stream()
                        .map(span -> span.tag(AppAttributes.INVOICE_ID.getKey()).orElse(null))
                        .filter(Objects::nonNull)
                        .distinct().count() > 1));
    }

    /** Share of the records the scenario injected whose trace shows the worker giving up on them with a reason. */
    public static Signal injectedDeadLettered() {
        return new Signal("poison records dead-lettered, in their own trace", "share", (phase, telemetry) -> share(
                phase.injectedTraceIds().stream().map(id -> phase.traces().get(id)).toList(),
                trace -> trace != null && trace.find(Spans.workerInvoicing()).stream()
                        .anyMatch(span -> span.isError() && span.tag("error.type").isPresent())));
    }

    /** Share of failed checkouts that can be found in Jaeger at all. */
    public static Signal failuresWithTrace() {
        return new Signal("failed checkouts findable in Jaeger", "share", (phase, telemetry) -> {
            List<TracedRequest> failed = phase.failed().stream().filter(request -> request.traceId() != null).toList();
            return failed.isEmpty() ? Double.NaN
                    : (double) failed.stream().filter(request -> phase.traces().containsKey(request.traceId())).count()
                            / failed.size();
        });
    }

    /** Failed checkouts as Prometheus counted them: metrics see every request, sampled or not. */
    public static Signal failuresInMetrics() {
        return new Signal("failed checkouts counted by Prometheus", "count", (phase, telemetry) -> {
            long seconds = Math.max(10, Duration.between(phase.start(), Instant.now()).toSeconds() + 1);
            return telemetry.prometheus().scalar("sum(increase(http_server_request_duration_seconds_count{job=\"checkout-service\","
                    + "http_route=\"/api/checkout\",http_response_status_code=~\"5..\"}[" + seconds + "s]))");
        });
    }

    /**
     * Share of the spans the collector received in the phase that it sent on to Jaeger, from the collector's own
     * metrics: 1 while it keeps every trace, the cost of tracing everything at the source when it samples at the tail.
     */
    public static Signal spansStored() {
        return new Signal("spans the collector sent on to Jaeger", "share", (phase, telemetry) -> {
            long seconds = Math.max(10, Duration.between(phase.start(), Instant.now()).toSeconds() + 1);
            return telemetry.prometheus().scalar("sum(increase(otelcol_exporter_sent_spans{exporter=\"otlp_grpc/jaeger\"}["
                    + seconds + "s])) / sum(increase(otelcol_receiver_accepted_spans{receiver=\"otlp\"}[" + seconds + "s]))");
        });
    }

    /** Share of placed orders of which at least one line was priced from memory because its pricing call failed. */
    public static Signal pricedFromFallback() {
        return new Signal("placed orders priced with a remembered price", "share", (phase, telemetry) -> share(
                placedTraces(phase), trace -> trace.find(Spans.named(Spans.CHECKOUT, "checkout.price_items")).stream()
                        .anyMatch(span -> span.tag(AppAttributes.PRICING_FALLBACK_COUNT.getKey()).map(Long::parseLong).orElse(0L) > 0)));
    }

    private static List<Trace> placedTraces(PhaseRecord phase) {
        return phase.answered().stream()
                .filter(TracedRequest::placed)
                .map(request -> phase.traces().get(request.traceId()))
                .filter(Objects::nonNull)
                .toList();
    }

    private static double share(List<Trace> traces, Predicate<Trace> matching) {
        return traces.isEmpty() ? Double.NaN : (double) traces.stream().filter(matching).count() / traces.size();
    }

    private static Optional<Double> orderToInvoice(Trace trace) {
        Optional<TraceSpan> answered = trace.find(Spans.checkoutRequest()).stream().max(Comparator.comparing(TraceSpan::end));
        Optional<TraceSpan> applied = trace.find(Spans.invoiceApplied()).stream().min(Comparator.comparing(TraceSpan::start));
        if (answered.isEmpty() || applied.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(millis(Duration.between(answered.get().end(), applied.get().start())));
    }

    private static Optional<Double> timeBetweenCheckoutSpans(Trace trace) {
        Optional<TraceSpan> request = trace.find(Spans.checkoutRequest()).stream().findFirst();
        if (request.isEmpty()) {
            return Optional.empty();
        }
        Duration between = Duration.ZERO;
        for (TraceSpan span : trace.spansOf(Spans.CHECKOUT)) {
            boolean ownSpan = span.equals(request.get()) || span.kind() == SpanKind.INTERNAL
                    && span.start().isBefore(request.get().end()) && trace.isAncestor(request.get(), span);
            List<TraceSpan> children = trace.children(span);
            if (ownSpan && !children.isEmpty()) {
                between = between.plus(uncovered(span, children));
            }
        }
        return Optional.of(millis(between));
    }

    /** The part of {@code span} during which none of {@code children} ran. */
    static Duration uncovered(TraceSpan span, List<TraceSpan> children) {
        List<TraceSpan> byStart = new ArrayList<>(children);
        byStart.sort(Comparator.comparing(TraceSpan::start));
        Instant cursor = span.start();
        Duration covered = Duration.ZERO;
        for (TraceSpan child : byStart) {
            Instant from = max(child.start(), cursor);
            Instant to = min(child.end(), span.end());
            if (to.isAfter(from)) {
                covered = covered.plus(Duration.between(from, to));
                cursor = to;
            }
        }
        Duration rest = span.duration().minus(covered);
        return rest.isNegative() ? Duration.ZERO : rest;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }
}
