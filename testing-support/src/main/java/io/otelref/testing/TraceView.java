package io.otelref.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;

/** The finished spans of one trace, with the questions span-tree assertions ask of them. */
public final class TraceView {

    private final String traceId;
    private final List<SpanData> spans;

    private TraceView(String traceId, List<SpanData> spans) {
        this.traceId = traceId;
        this.spans = List.copyOf(spans);
    }

    /** Waits until the trace holds a span matching {@code complete}, then returns all its spans. */
    public static TraceView awaitSpan(InMemorySpanExporter exporter, String traceId, Predicate<SpanData> complete) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> of(exporter, traceId).spans.stream().anyMatch(complete));
        return of(exporter, traceId);
    }

    /**
     * Waits until the trace holds a span for each of {@code expected}. Spans end in no fixed order
     * across threads (an outbox publish may end before the request that caused it), so a test that
     * reads several of them waits for all.
     */
    @SafeVarargs
    public static TraceView awaitSpans(InMemorySpanExporter exporter, String traceId, Predicate<SpanData>... expected) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    List<SpanData> spans = of(exporter, traceId).spans;
                    return Arrays.stream(expected).allMatch(wanted -> spans.stream().anyMatch(wanted));
                });
        return of(exporter, traceId);
    }

    public static TraceView of(InMemorySpanExporter exporter, String traceId) {
        return new TraceView(traceId, exporter.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(traceId))
                .toList());
    }

    public static Predicate<SpanData> named(String name) {
        return span -> span.getName().equals(name);
    }

    public static Predicate<SpanData> kind(SpanKind kind) {
        return span -> span.getKind() == kind;
    }

    public static <T> Predicate<SpanData> attribute(AttributeKey<T> key, T value) {
        return span -> value.equals(span.getAttributes().get(key));
    }

    public List<SpanData> spans() {
        return spans;
    }

    public List<SpanData> all(Predicate<SpanData> matching) {
        return spans.stream().filter(matching).toList();
    }

    /** The single span matching {@code matching}; fails listing the trace when there is none or several. */
    public SpanData one(Predicate<SpanData> matching) {
        List<SpanData> found = all(matching);
        assertEquals(1, found.size(), () -> "expected exactly one matching span in trace " + traceId + ":\n" + describe());
        return found.getFirst();
    }

    public List<SpanData> childrenOf(SpanData parent) {
        return spans.stream().filter(span -> span.getParentSpanId().equals(parent.getSpanId())).toList();
    }

    public Optional<SpanData> parentOf(SpanData child) {
        return spans.stream().filter(span -> span.getSpanId().equals(child.getParentSpanId())).findFirst();
    }

    /** True when {@code ancestor} is above {@code descendant} in the tree, at any depth. */
    public boolean isAncestor(SpanData ancestor, SpanData descendant) {
        Optional<SpanData> current = parentOf(descendant);
        while (current.isPresent()) {
            if (current.get().getSpanId().equals(ancestor.getSpanId())) {
                return true;
            }
            current = parentOf(current.get());
        }
        return false;
    }

    public static boolean overlapInTime(SpanData first, SpanData second) {
        return first.getStartEpochNanos() < second.getEndEpochNanos()
                && second.getStartEpochNanos() < first.getEndEpochNanos();
    }

    public void assertEveryParentPresentExcept(SpanData root) {
        for (SpanData span : spans) {
            if (span != root) {
                assertTrue(parentOf(span).isPresent(), () -> "orphan span " + span.getName() + "\n" + describe());
            }
        }
    }

    /** One line per span, for failure messages. */
    public String describe() {
        return spans.stream()
                .map(span -> "  " + span.getKind() + " " + span.getName() + " id=" + span.getSpanId()
                        + " parent=" + span.getParentSpanId() + " status=" + span.getStatus().getStatusCode()
                        + " " + span.getAttributes())
                .collect(Collectors.joining("\n"));
    }
}
