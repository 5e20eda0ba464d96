package io.otelref.observability.trace;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the root span waited for, moment by moment: the critical path as Jaeger UI draws it
 * (jaeger-ui, {@code packages/jaeger-ui/src/components/TracePage/CriticalPath/}), re-implemented here.
 *
 * <p>The path is a list of {@linkplain Section sections}: a span and the part of its time during which
 * the root was waiting on that span itself, not on one of its children. A parent is critical only
 * where none of its children was; the root's own time before its first child, between children and
 * after its last child is a section of the root. The sections follow each other without gaps or
 * overlaps and together cover the root's duration exactly, so at every instant of the request exactly
 * one span is "the one it was waiting on".
 *
 * <p>How the sections are found:
 * <ol>
 *   <li>The tree is trimmed first. A child is clipped to its parent's (already clipped) window, since
 *       the parent cannot have waited for it outside its own lifetime; a child that starts at or after
 *       its parent's end, or ends at or before its parent's start, is dropped with its subtree (a
 *       Kafka consumer that ran after the request returned). A CONSUMER under a PRODUCER is dropped too,
 *       wherever it lies: sending a message does not wait for its processing (OpenTelemetry has no
 *       FOLLOWS_FROM, and this is how Jaeger UI tells a non-blocking child).</li>
 *   <li>The walk runs backwards in time from the root's end. At a span it goes down to the child that
 *       finished last; the parent's time after that child ended is the parent's section. Once inside a
 *       child, that child is walked the same way. When a span has no (further) child to go to, its time
 *       back to its own start is its section and the walk goes back up to the parent, which now looks
 *       for the child that finished last <em>no later than</em> the one just walked had started: the
 *       child it was waiting on before that one. Siblings that ran in parallel with a critical child are
 *       skipped, because the parent was not waiting on them.</li>
 * </ol>
 *
 * <p>Deliberate differences from Jaeger UI: a sibling that ended exactly when the next one started
 * counts as finished before it ({@code <=}; Jaeger UI compares with {@code <} and so drops one of two
 * back-to-back calls: jaegertracing/jaeger#9173, fixed with {@code <=} in Jaeger's own Go port by
 * #9174); each child is entered at most once, which with {@code <=} keeps a zero-length child from
 * being entered forever; and where Jaeger UI computes a path under every root of a trace, this one
 * starts at the root span, or, while the root has not arrived, at the earliest orphan, as before.
 *
 * <p>Malformed traces cannot make it loop: each span joins the tree once (duplicate ids and parent
 * cycles reach nothing twice), the walk goes back up along the tree it built rather than along parent
 * ids, and it enters each child at most once, so it takes at most two steps per span.
 */
public final class CriticalPath {

    /**
     * Part of the critical path: from {@code start} to {@code end}, the root was waiting on {@code span}
     * itself. Both instants lie inside the span's time, clipped to its parent's.
     */
    public record Section(TraceSpan span, Instant start, Instant end) {

        public Section {
            Objects.requireNonNull(span, "span");
            if (end.isBefore(start)) {
                throw new IllegalArgumentException("a section ends before it starts: " + start + " > " + end);
            }
        }

        public Duration duration() {
            return Duration.between(start, end);
        }

        /** {@code service operation 12.345 ms}, for messages. */
        public String describe() {
            return span.service() + " " + span.operation() + " " + Millis.format(duration()) + " ms";
        }
    }

    private static final CriticalPath NONE = new CriticalPath(List.of(), List.of());

    private final List<Section> sections;
    private final List<TraceSpan> spans;
    private final Map<TraceSpan, List<Section>> sectionsBySpan;

    private CriticalPath(List<Section> sections, List<TraceSpan> spans) {
        this.sections = List.copyOf(sections);
        this.spans = List.copyOf(spans);
        Map<TraceSpan, List<Section>> bySpan = new LinkedHashMap<>();
        this.sections.forEach(section -> bySpan.computeIfAbsent(section.span(), span -> new ArrayList<>()).add(section));
        bySpan.replaceAll((span, list) -> List.copyOf(list));
        this.sectionsBySpan = Collections.unmodifiableMap(bySpan);
    }

    /** The path of the root span, or of the earliest orphan while the root is missing; none when empty. */
    public static CriticalPath of(Trace trace) {
        return trace.root()
                .or(() -> trace.roots().stream().findFirst())
                .map(start -> walk(Tree.of(trace, start)))
                .orElse(NONE);
    }

    /** In time order; together they cover the root's duration exactly. */
    public List<Section> sections() {
        return sections;
    }

    /**
     * The spans the path runs through, root first, then in the order their (clipped) time starts:
     * every span with a section, and the spans between them and the root. A span whose children
     * covered all of its time is on the path without a section of its own (the root waited for it,
     * but only ever on one of its children).
     */
    public List<TraceSpan> spans() {
        return spans;
    }

    public boolean contains(TraceSpan span) {
        return spans.contains(span);
    }

    /** The sections of {@code span}, in time order; empty when none of its own time is critical. */
    public List<Section> sectionsOf(TraceSpan span) {
        return sectionsBySpan.getOrDefault(span, List.of());
    }

    /**
     * The longest single stretch the root spent waiting on one span: where a latency report should
     * point first. The earliest of equally long ones; empty when the path is.
     */
    public Optional<Section> longestSection() {
        Section longest = null;
        for (Section section : sections) {
            if (longest == null || section.duration().compareTo(longest.duration()) > 0) {
                longest = section;
            }
        }
        return Optional.ofNullable(longest);
    }

    @Override
    public String toString() {
        return "CriticalPath" + sections.stream()
                .map(section -> section.span().spanId() + "[" + section.start() + ".." + section.end() + "]")
                .toList();
    }

    private static CriticalPath walk(Tree tree) {
        List<Section> backwards = new ArrayList<>();
        List<Node> entered = new ArrayList<>();
        Node current = tree.root;
        entered.add(current);
        // Null while a span is walked from its end; otherwise the start of the child just walked, which
        // is where the parent's waiting for that child began and which the next child must not pass.
        Instant until = null;
        while (current != null) {
            Instant sectionEnd = until == null ? current.end : until;
            Node child = current.nextChildEndingBy(until);
            if (child != null) {
                addIfNotEmpty(backwards, current, child.end, sectionEnd);
                entered.add(child);
                current = child;
                until = null;
            } else {
                addIfNotEmpty(backwards, current, current.start, sectionEnd);
                until = current.start;
                current = current.parent;
            }
        }
        List<Section> sections = new ArrayList<>(backwards.reversed());
        // On the path: the root, each span with a section, and the spans that lead down to those. A span the
        // walk entered that is none of these (a zero-length call) adds nothing to it.
        tree.root.onPath = true;
        for (Node node : entered) {
            if (node.hasSection) {
                // Stops at the first span already marked, so each span is marked once.
                for (Node up = node; up != null && !up.onPath; up = up.parent) {
                    up.onPath = true;
                }
            }
        }
        List<TraceSpan> spans = entered.stream()
                .filter(node -> node.onPath)
                .sorted(Comparator.comparing((Node node) -> node.start).thenComparingInt(node -> node.order))
                .map(node -> node.span)
                .toList();
        return new CriticalPath(sections, spans);
    }

    private static void addIfNotEmpty(List<Section> sections, Node node, Instant start, Instant end) {
        if (start.isBefore(end)) {
            sections.add(new Section(node.span, start, end));
            node.hasSection = true;
        }
    }

    /** A span with its time clipped to its parent's window, and the children the parent could have waited for. */
    private static final class Node {

        /** Latest end first; of equal ends, the earlier start, as the children come in start order. */
        private static final Comparator<Node> LAST_FINISHING_FIRST = Comparator.comparing((Node node) -> node.end).reversed();

        final TraceSpan span;
        final Node parent;
        final Instant start;
        final Instant end;
        /** Position in the order the tree was built, parents before their children. */
        final int order;
        final List<Node> children = new ArrayList<>();
        /** How many children, in {@link #LAST_FINISHING_FIRST} order, the walk has entered or passed. */
        private int passed;
        boolean hasSection;
        boolean onPath;

        Node(TraceSpan span, Node parent, Instant start, Instant end, int order) {
            this.span = span;
            this.parent = parent;
            this.start = start;
            this.end = end;
            this.order = order;
        }

        /**
         * The child that finished last among those not entered yet that ended no later than
         * {@code until} (any, when {@code until} is null). The walk only ever lowers {@code until} for a
         * given parent, so a child that ended later is out for good and can be passed over.
         */
        Node nextChildEndingBy(Instant until) {
            while (passed < children.size()) {
                Node child = children.get(passed++);
                if (until == null || !child.end.isAfter(until)) {
                    return child;
                }
            }
            return null;
        }
    }

    /** The trimmed tree under one start span. */
    private record Tree(Node root) {

        static Tree of(Trace trace, TraceSpan start) {
            Node root = new Node(start, null, start.start(), start.end(), 0);
            Set<TraceSpan> joined = new HashSet<>();
            joined.add(start);
            // Breadth first: a child is clipped against its parent's window after the parent's own clipping.
            ArrayDeque<Node> pending = new ArrayDeque<>();
            pending.add(root);
            int order = 1;
            while (!pending.isEmpty()) {
                Node parent = pending.poll();
                for (TraceSpan child : trace.children(parent.span)) {
                    if (joined.contains(child) || !blocks(parent.span, child)) {
                        continue;
                    }
                    Instant childStart = later(child.start(), parent.start);
                    Instant childEnd = earlier(child.end(), parent.end);
                    // Dropped when it lies wholly outside the parent; a zero-length child at the parent's
                    // start is kept (Jaeger UI keeps it too), one at the parent's end is not.
                    boolean outside = !child.start().isBefore(parent.end)
                            || (child.start().isBefore(parent.start) && !child.end().isAfter(parent.start));
                    if (outside) {
                        continue;
                    }
                    joined.add(child);
                    Node node = new Node(child, parent, childStart, childEnd, order++);
                    parent.children.add(node);
                    pending.add(node);
                }
                parent.children.sort(Node.LAST_FINISHING_FIRST);
            }
            return new Tree(root);
        }

        /** Whether a parent can have waited for this child: not when the child consumes what the parent produced. */
        private static boolean blocks(TraceSpan parent, TraceSpan child) {
            return !(parent.kind() == SpanKind.PRODUCER && child.kind() == SpanKind.CONSUMER);
        }

        private static Instant later(Instant a, Instant b) {
            return a.isAfter(b) ? a : b;
        }

        private static Instant earlier(Instant a, Instant b) {
            return a.isBefore(b) ? a : b;
        }
    }
}
