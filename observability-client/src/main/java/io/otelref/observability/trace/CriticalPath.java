package io.otelref.observability.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The chain of spans that decided when the root span ended.
 *
 * <p>Starting at the root, each step goes to the child that finished last among the children that
 * finished no later than their parent. The child that finishes last is the one its parent waited for:
 * of two siblings running in parallel, the shorter one could have been faster still without the parent
 * ending any sooner. Children that finished after their parent (a Kafka consumer that runs once the
 * request has returned, a fire-and-forget task) cannot have kept the parent waiting, so the walk never
 * enters them: the path explains the root's latency, not the trace's total extent.
 *
 * <p>It is the classic simplification: a parent's own work after its last child ended is not split
 * out, so the path names where to look, and the waterfall's bars show how much time each span adds.
 */
final class CriticalPath {

    private static final Comparator<TraceSpan> BY_END =
            Comparator.comparing(TraceSpan::end).thenComparing(TraceSpan::start);

    private CriticalPath() {
    }

    /** Root first; empty when the trace has no span without a parent in it. */
    static List<TraceSpan> of(Trace trace) {
        Optional<TraceSpan> start = trace.root().or(() -> trace.roots().stream().findFirst());
        if (start.isEmpty()) {
            return List.of();
        }
        List<TraceSpan> path = new ArrayList<>();
        // Duplicate or self-referencing span ids must not turn a malformed trace into an endless walk.
        Set<String> visited = new HashSet<>();
        Optional<TraceSpan> current = start;
        while (current.isPresent() && visited.add(current.get().spanId())) {
            TraceSpan span = current.get();
            path.add(span);
            current = trace.children(span).stream()
                    .filter(child -> !child.end().isAfter(span.end()))
                    .max(BY_END);
        }
        return List.copyOf(path);
    }
}
