package io.otelref.observability.trace;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The spans of one trace, arranged as the tree their CHILD_OF references describe. Immutable.
 *
 * <p>A trace read while it is still arriving is normal, not broken: a root span ends last, so it is
 * exported last, and a span whose parent has not arrived yet is an {@linkplain #orphans() orphan}
 * until it does. Hence {@link #root()} is optional, and the tree is built from whatever is present.
 */
public final class Trace {

    /** Start order, with the span id as tie-breaker so that every listing is deterministic. */
    public static final Comparator<TraceSpan> BY_START =
            Comparator.comparing(TraceSpan::start).thenComparing(TraceSpan::spanId);

    private final String traceId;
    private final List<TraceSpan> spans;
    private final Map<String, TraceSpan> spansById;
    private final Map<String, List<TraceSpan>> childrenByParentId;

    public Trace(String traceId, List<TraceSpan> spans) {
        this.traceId = Objects.requireNonNull(traceId, "traceId");
        this.spans = spans.stream().sorted(BY_START).toList();
        this.spansById = new HashMap<>();
        this.spans.forEach(span -> spansById.putIfAbsent(span.spanId(), span));
        this.childrenByParentId = this.spans.stream()
                .filter(span -> span.parentSpanId() != null)
                .collect(Collectors.groupingBy(TraceSpan::parentSpanId, Collectors.toUnmodifiableList()));
    }

    public String traceId() {
        return traceId;
    }

    /** All spans, in start order. */
    public List<TraceSpan> spans() {
        return spans;
    }

    /** The earliest span that has no parent at all; empty while the root has not arrived. */
    public Optional<TraceSpan> root() {
        return spans.stream().filter(span -> span.parentSpanId() == null).findFirst();
    }

    /** Spans with no parent in this trace (true roots and orphans), in start order. */
    public List<TraceSpan> roots() {
        return spans.stream().filter(span -> parent(span).isEmpty()).toList();
    }

    /** Spans whose CHILD_OF parent is not in this trace: not arrived yet, dropped, or never exported. */
    public List<TraceSpan> orphans() {
        return spans.stream()
                .filter(span -> span.parentSpanId() != null && !spansById.containsKey(span.parentSpanId()))
                .toList();
    }

    /** Direct children of {@code span}, in start order. */
    public List<TraceSpan> children(TraceSpan span) {
        return childrenByParentId.getOrDefault(span.spanId(), List.of());
    }

    public Optional<TraceSpan> parent(TraceSpan span) {
        return span.parentSpanId() == null ? Optional.empty() : Optional.ofNullable(spansById.get(span.parentSpanId()));
    }

    public Optional<TraceSpan> span(String spanId) {
        return Optional.ofNullable(spansById.get(spanId));
    }

    public List<TraceSpan> spansOf(String service) {
        return find(span -> span.service().equals(service));
    }

    /** Matching spans, in start order. */
    public List<TraceSpan> find(Predicate<TraceSpan> matching) {
        return spans.stream().filter(matching).toList();
    }

    /** The single matching span; fails listing the whole trace when there is none or several. */
    public TraceSpan one(Predicate<TraceSpan> matching) {
        List<TraceSpan> found = find(matching);
        if (found.size() != 1) {
            throw new IllegalStateException("expected exactly one matching span, found " + found.size()
                    + " in trace " + traceId + ":\n" + describe());
        }
        return found.getFirst();
    }

    public List<TraceSpan> errors() {
        return find(TraceSpan::isError);
    }

    /** Service names in the order they first appear in time, which reads like the request's path. */
    public List<String> services() {
        return List.copyOf(spans.stream().map(TraceSpan::service).collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    /** True when {@code ancestor} is above {@code descendant} in the tree, at any depth. */
    public boolean isAncestor(TraceSpan ancestor, TraceSpan descendant) {
        Optional<TraceSpan> current = parent(descendant);
        for (int hops = 0; current.isPresent() && hops < spans.size(); hops++) {
            if (current.get().spanId().equals(ancestor.spanId())) {
                return true;
            }
            current = parent(current.get());
        }
        return false;
    }

    /**
     * The spans the critical path runs through, root first, then in start order.
     *
     * @see CriticalPath#spans()
     */
    public List<TraceSpan> criticalPath() {
        return CriticalPath.of(this).spans();
    }

    /**
     * The critical path as sections of spans' time, in time order, covering the root's duration.
     *
     * @see CriticalPath#sections()
     */
    public List<CriticalPath.Section> criticalPathSections() {
        return CriticalPath.of(this).sections();
    }

    /**
     * The longest stretch of the critical path spent on one span (its {@code span()} and
     * {@code duration()}): where a slow request's report should point first.
     *
     * @see CriticalPath#longestSection()
     */
    public Optional<CriticalPath.Section> criticalPathLongestSection() {
        return CriticalPath.of(this).longestSection();
    }

    /** When the earliest span started; the trace must not be empty. */
    public Instant start() {
        return spans.getFirst().start();
    }

    /** When the last span ended, which for asynchronous work can be long after the root ended. */
    public Instant end() {
        return spans.stream().map(TraceSpan::end).max(Comparator.naturalOrder()).orElseThrow();
    }

    /** From the first start to the last end, across every span, asynchronous ones included. */
    public Duration duration() {
        return Duration.between(start(), end());
    }

    /** One line per span, in start order, for failure messages. */
    public String describe() {
        return spans.stream()
                .map(span -> "  " + span.describe() + " id=" + span.spanId() + " parent=" + span.parentSpanId())
                .collect(Collectors.joining("\n"));
    }

    @Override
    public String toString() {
        return "Trace[" + traceId + ", " + spans.size() + " spans]";
    }
}
