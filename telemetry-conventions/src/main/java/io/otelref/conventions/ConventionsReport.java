package io.otelref.conventions;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.otelref.observability.trace.Trace;
import io.otelref.observability.trace.TraceSpan;

/**
 * Every attribute key of a set of traces, per service, with the registry's verdict and how many spans
 * carry it: span attributes (span tags, less the few {@linkplain JaegerTags Jaeger makes itself}) and
 * resource attributes (process tags). A span that appears in several traces of the set (the same trace
 * found by two searches) is counted once. Immutable.
 */
public final class ConventionsReport {

    /** Where a key was found. */
    public enum Origin {
        SPAN, RESOURCE
    }

    /**
     * One key of one service.
     *
     * @param spans how many distinct spans of the service carry it (for a resource key: spans whose
     *              process does)
     */
    public record Line(String service, Origin origin, Judgement judgement, long spans) {

        public String key() {
            return judgement.key();
        }

        public boolean isOffender() {
            return judgement.isOffender();
        }

        /** {@code checkout-service span key db.statement DEPRECATED (...): use db.query.text, on 12 spans}. */
        public String describe() {
            return service + " " + origin.name().toLowerCase() + " key " + judgement.describe() + ", on " + spans
                    + (spans == 1 ? " span" : " spans");
        }
    }

    private static final Comparator<Line> OFFENDERS_FIRST = Comparator
            .comparing((Line line) -> !line.isOffender())
            .thenComparing(Line::origin)
            .thenComparing(Line::key);

    private final String registry;
    private final long spanCount;
    private final long traceCount;
    private final Map<String, List<Line>> linesByService;

    private ConventionsReport(String registry, long spanCount, long traceCount, Map<String, List<Line>> linesByService) {
        this.registry = registry;
        this.spanCount = spanCount;
        this.traceCount = traceCount;
        this.linesByService = linesByService;
    }

    public static ConventionsReport of(SemanticConventions conventions, Collection<Trace> traces) {
        Map<String, Map<Origin, Map<String, Long>>> counts = new HashMap<>();
        Set<String> seenSpans = new HashSet<>();
        Set<String> traceIds = new HashSet<>();
        for (Trace trace : traces) {
            for (TraceSpan span : trace.spans()) {
                if (!seenSpans.add(span.traceId() + "/" + span.spanId())) {
                    continue;
                }
                traceIds.add(span.traceId());
                Map<Origin, Map<String, Long>> service = counts.computeIfAbsent(span.service(), s -> new HashMap<>());
                span.tags().keySet().stream()
                        .filter(key -> !JaegerTags.isSynthesised(key))
                        .forEach(key -> service.computeIfAbsent(Origin.SPAN, o -> new HashMap<>()).merge(key, 1L, Long::sum));
                span.processTags().keySet()
                        .forEach(key -> service.computeIfAbsent(Origin.RESOURCE, o -> new HashMap<>()).merge(key, 1L, Long::sum));
            }
        }
        Map<String, Judgement> judgements = new HashMap<>();
        Map<String, List<Line>> linesByService = new LinkedHashMap<>();
        new TreeSet<>(counts.keySet()).forEach(service -> linesByService.put(service, counts.get(service).entrySet().stream()
                .flatMap(origin -> origin.getValue().entrySet().stream().map(key -> new Line(service, origin.getKey(),
                        judgements.computeIfAbsent(key.getKey(), conventions::judge), key.getValue())))
                .sorted(OFFENDERS_FIRST)
                .toList()));
        return new ConventionsReport(conventions.describe(), seenSpans.size(), traceIds.size(),
                Collections.unmodifiableMap(linesByService));
    }

    /** The services that have spans in the traces, sorted. */
    public List<String> services() {
        return List.copyOf(linesByService.keySet());
    }

    /** The keys of {@code service}: offenders first, then span keys before resource keys, each by name. */
    public List<Line> lines(String service) {
        return linesByService.getOrDefault(service, List.of());
    }

    /** Every line, service by service. */
    public List<Line> lines() {
        return linesByService.values().stream().flatMap(List::stream).toList();
    }

    /** The deprecated and unknown keys, service by service. */
    public List<Line> offenders() {
        return lines().stream().filter(Line::isOffender).toList();
    }

    /** The offending keys of each service: {@code {billing-service=[db.statement, peer.service]}}. */
    public Map<String, Set<String>> offendingKeysByService() {
        return offenders().stream().collect(Collectors.groupingBy(Line::service, TreeMap::new,
                Collectors.mapping(Line::key, Collectors.toCollection(TreeSet::new))));
    }

    public boolean isClean() {
        return offenders().isEmpty();
    }

    /** Distinct spans read. */
    public long spanCount() {
        return spanCount;
    }

    public long traceCount() {
        return traceCount;
    }

    /** The whole report as text: a header, then per service one line per key, offenders first. */
    public String format() {
        int keyWidth = lines().stream().mapToInt(line -> line.key().length()).max().orElse(3);
        StringBuilder text = new StringBuilder()
                .append("Attribute keys of ").append(spanCount).append(" spans in ").append(traceCount)
                .append(" traces, against ").append(registry).append('\n')
                .append(offenders().size()).append(" offending keys").append(offenders().isEmpty() ? "" : " (DEPRECATED or UNKNOWN)")
                .append('\n');
        linesByService.forEach((service, lines) -> {
            text.append('\n').append(service).append(" (").append(lines.stream().filter(Line::isOffender).count())
                    .append(" offending of ").append(lines.size()).append(" keys)\n");
            for (Line line : lines) {
                text.append(String.format("  %-18s %-8s %-" + keyWidth + "s %6d  %s%n", line.judgement().verdict(),
                        line.origin().name().toLowerCase(), line.key(), line.spans(),
                        line.judgement().replacement().map(Replacement::describe)
                                .map(replacement -> replacement + "; " + line.judgement().basis())
                                .orElse(line.judgement().basis())));
            }
        });
        return text.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
