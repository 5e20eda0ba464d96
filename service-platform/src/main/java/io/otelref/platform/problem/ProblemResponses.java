package io.otelref.platform.problem;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/** Builds problem responses, stamping each with the trace id of the request it answers. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(int status, String typeSlug, String title, String detail, List<Problem.FieldError> errors) {
        return of(status, typeSlug, title, detail, errors, Map.of());
    }

    public static Response of(int status, String typeSlug, String title, String detail,
            List<Problem.FieldError> errors, Map<String, String> headers) {
        Response.ResponseBuilder response = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(problem(status, typeSlug, title, detail, errors));
        headers.forEach(response::header);
        return response.build();
    }

    /** The problem document itself, for code that answers outside JAX-RS (a Vert.x route). */
    public static Problem problem(int status, String typeSlug, String title, String detail, List<Problem.FieldError> errors) {
        return new Problem(ProblemTypes.uri(typeSlug), title, status, detail, errors, currentTraceId());
    }

    /** The problem document a {@link ProblemException} becomes, e.g. to store it as an idempotent response. */
    public static Problem problemOf(ProblemException problem) {
        return new Problem(ProblemTypes.uri(problem.typeSlug()), problem.title(), problem.status(), problem.getMessage(),
                problem.fieldErrors(), currentTraceId());
    }

    private static String currentTraceId() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }
}
