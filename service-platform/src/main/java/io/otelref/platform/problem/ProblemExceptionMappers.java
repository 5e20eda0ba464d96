package io.otelref.platform.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.opentelemetry.api.trace.Span;
import io.otelref.platform.http.AllowedMethods;
import io.otelref.platform.lifecycle.GracefulShutdown;
import io.otelref.platform.resilience.DependencyUnavailableException;
import io.otelref.platform.resilience.Failures;
import io.otelref.platform.telemetry.SpanErrors;

/**
 * Turns every failure that reaches the REST layer into an {@code application/problem+json} response,
 * so that no caller ever has to parse an HTML page or a stack trace. Bad input names the field at
 * fault; an unavailable dependency (the database, another service, this service shutting down) is a
 * 503 with {@code Retry-After}, judged by {@link Failures} as a Kafka consumer would judge it; only a bug
 * in our own code becomes a 500.
 */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);

    private final GracefulShutdown shutdown;
    private final AllowedMethods allowedMethods;

    ProblemExceptionMappers(GracefulShutdown shutdown, AllowedMethods allowedMethods) {
        this.shutdown = shutdown;
        this.allowedMethods = allowedMethods;
    }

    @ServerExceptionMapper
    public Response mapProblem(ProblemException problem) {
        if (problem.status() >= 500) {
            // At ERROR, because the request failed: its SERVER span's status is ERROR, and the record carries
            // that span's id, so searching the logs by severity lands on the same requests as searching the traces
            // by error. One line, no stack trace: an unavailable dependency can fail hundreds of requests a
            // second in an incident, and the span already holds the exception with its stack trace.
            LOG.errorf("Answering %d %s: %s%s", problem.status(), problem.typeSlug(), problem.getMessage(),
                    problem.getCause() == null ? "" : " (" + problem.getCause() + ")");
        }
        return ProblemResponses.of(problem.status(), problem.typeSlug(), problem.title(), problem.getMessage(),
                problem.fieldErrors(), problem.headers());
    }

    @ServerExceptionMapper
    public Response mapConstraintViolation(ConstraintViolationException violation) {
        boolean ourOwnResponseIsInvalid = violation.getConstraintViolations().stream()
                .anyMatch(v -> kinds(v.getPropertyPath()).contains(ElementKind.RETURN_VALUE));
        if (ourOwnResponseIsInvalid) {
            return mapUnexpected(violation);
        }
        List<Problem.FieldError> errors = violation.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return ProblemResponses.of(400, "validation-failed", "The request is not valid",
                errors.size() == 1 ? errors.getFirst().field() + " " + errors.getFirst().message()
                        : errors.size() + " fields are not valid",
                errors);
    }

    @ServerExceptionMapper
    public Response mapMismatchedInput(MismatchedInputException mismatch) {
        return mapJson(mismatch);
    }

    @ServerExceptionMapper
    public Response mapJson(JsonProcessingException json) {
        String field;
        String message;
        if (json instanceof UnrecognizedPropertyException unknown) {
            field = jsonPath(unknown);
            message = "is not a known field";
        } else if (json instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            field = jsonPath(mismatch);
            message = mismatch.getTargetType() == null ? "has the wrong type"
                    : "must be of type " + jsonTypeName(mismatch.getTargetType());
        } else {
            JsonLocation location = json.getLocation();
            field = "body";
            message = location == null ? "is not valid JSON"
                    : "is not valid JSON (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        }
        return ProblemResponses.of(400, "malformed-body", "The request body cannot be read", field + " " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    @ServerExceptionMapper
    public Response mapWebApplication(WebApplicationException failure) {
        if (failure.getCause() instanceof JsonProcessingException json) {
            return mapJson(json);
        }
        int status = failure.getResponse().getStatus();
        if (status >= 500) {
            return mapUnexpected(failure);
        }
        Response.StatusType statusType = Response.Status.fromStatusCode(status);
        String title = statusType == null ? "HTTP " + status : statusType.getReasonPhrase();
        return ProblemResponses.of(status, "http-" + status, title, failure.getMessage(), List.of());
    }

    /** RESTEasy Reactive's own 405 has no {@code Allow}, which RFC 9110 requires: it comes from {@link AllowedMethods}. */
    @ServerExceptionMapper
    public Response mapNotAllowed(NotAllowedException notAllowed, ContainerRequestContext request) {
        SortedSet<String> allowed = allowedMethods.forPath(request.getUriInfo().getPath());
        if (allowed.isEmpty()) {
            allowed = new TreeSet<>(notAllowed.getResponse().getAllowedMethods());
        }
        String header = AllowedMethods.header(allowed);
        return ProblemResponses.of(405, "http-405", "Method Not Allowed",
                request.getMethod() + " is not allowed here; allowed: " + header, List.of(), Map.of(HttpHeaders.ALLOW, header));
    }

    @ServerExceptionMapper
    public Response mapFaultTolerance(FaultToleranceException failure) {
        return mapProblem(new DependencyUnavailableException("a downstream dependency", failure));
    }

    @ServerExceptionMapper
    public Response mapUnexpected(Throwable failure) {
        Failures.Judgement judgement = Failures.judge(failure, shutdown.stopping());
        if (judgement.isUnavailable()) {
            SpanErrors.record(Span.current(), failure);
            return mapProblem(new DependencyUnavailableException(judgement.dependency(), failure));
        }
        LOG.error("Unexpected failure while handling a request", failure);
        SpanErrors.record(Span.current(), failure);
        return ProblemResponses.of(500, "internal-error", "Internal error",
                "The request failed because of a defect on our side; quote the traceId when reporting it.",
                List.of(), Map.of());
    }

    private static List<ElementKind> kinds(Path path) {
        List<ElementKind> kinds = new ArrayList<>();
        path.forEach(node -> kinds.add(node.getKind()));
        return kinds;
    }

    /**
     * The JSON path of a violated property, without the Java method and parameter names that Bean
     * Validation puts in front of it. A violation on a whole parameter is named after the parameter:
     * resources call their request body {@code body}.
     */
    private static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> { }
                case PARAMETER -> parameter = node.getName();
                default -> {
                    if (node.getIndex() != null) {
                        field.append('[').append(node.getIndex()).append(']');
                    }
                    // A container element is named "<list element>"; its index above already says which one.
                    if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                        if (!field.isEmpty()) {
                            field.append('.');
                        }
                        field.append(node.getName());
                    }
                }
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter == null ? "body" : parameter;
    }

    private static String jsonPath(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String jsonTypeName(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "integer";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type == String.class || type.isEnum()) {
            return "string";
        }
        if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        return "object";
    }
}
