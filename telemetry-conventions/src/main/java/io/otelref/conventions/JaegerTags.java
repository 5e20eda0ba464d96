package io.otelref.conventions;

import java.util.Set;

/**
 * The span tags Jaeger makes from OTLP fields that are not attributes, so that no service chose them:
 * they are left out of the check, and only they.
 *
 * <p>Source: Jaeger v2.13.0 (the version infra/jaeger/go.mod pins) serves {@code /api/traces} through
 * {@code internal/storage/v2/v1adapter/translator.go} {@code V1BatchesFromTraces}, which calls
 * {@code ProtoFromTraces} of {@code open-telemetry/opentelemetry-collector-contrib}
 * {@code pkg/translator/jaeger} v0.140.1, {@code traces_to_jaegerproto.go}. Its
 * {@code getJaegerProtoSpanTags} appends to a span's attributes:
 * <ul>
 *   <li>{@code otel.scope.name}, {@code otel.scope.version}: the instrumentation scope
 *       ({@code getTagsFromInstrumentationLibrary});</li>
 *   <li>{@code span.kind}: the span kind ({@code getTagFromSpanKind});</li>
 *   <li>{@code otel.status_code}: status OK or ERROR ({@code getTagFromStatusCode});</li>
 *   <li>{@code error}: {@code true} with status ERROR ({@code getErrorTagFromStatusCode});</li>
 *   <li>{@code otel.status_description}: the status message ({@code getTagFromStatusMsg});</li>
 *   <li>{@code w3c.tracestate}: the trace state ({@code getTagsFromTraceState}).</li>
 * </ul>
 * For the process, {@code resourceToJaegerProtoProcess} moves {@code service.name} into the service
 * name and keeps every other resource attribute as a process tag, unchanged. The query service's
 * adjusters ({@code cmd/query/app/querysvc/v2/adjuster/standard.go}) add no tag: their warnings go to
 * the span's {@code warnings}, and {@code MoveLibraryAttributes} moves {@code telemetry.sdk.*} and
 * {@code telemetry.distro.*} from a span to its process, where they are checked as the resource
 * attributes they are. {@code internal.span.format} was Jaeger v1's collector tag; the v2 OTLP pipeline
 * adds none (nor its successor {@code @jaeger@format}), so it is not excluded: if it shows up it is
 * reported, as something to look into.
 */
final class JaegerTags {

    static final Set<String> SYNTHESISED_SPAN_TAGS = Set.of(
            "otel.scope.name",
            "otel.scope.version",
            "span.kind",
            "otel.status_code",
            "error",
            "otel.status_description",
            "w3c.tracestate");

    private JaegerTags() {
    }

    static boolean isSynthesised(String spanTag) {
        return SYNTHESISED_SPAN_TAGS.contains(spanTag);
    }
}
