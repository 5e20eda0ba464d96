package io.otelref.platform.resilience;

import java.util.function.Supplier;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.otelref.platform.problem.Problem;

/**
 * Sorts what a REST client threw into the two kinds a retry policy needs: worth another attempt
 * ({@link DependencyUnavailableException}) or final ({@link DownstreamRejection}).
 */
public final class DownstreamFailures {

    private DownstreamFailures() {
    }

    /**
     * Makes one REST client call, translating its failure with {@link #translate}: the body of every
     * fault-tolerant client method, e.g. {@code return DownstreamFailures.call(DEPENDENCY, () -> api.price(sku));}
     */
    public static <T> T call(String dependency, Supplier<T> request) {
        try {
            return request.get();
        } catch (WebApplicationException | ProcessingException failure) {
            throw translate(dependency, failure);
        }
    }

    /**
     * A connection failure, a 5xx, or any answer that says when to come back ({@code Retry-After}, as
     * 429 and "still in progress" 409s do) is worth retrying; any other 4xx is the request's fault.
     */
    static RuntimeException translate(String dependency, RuntimeException failure) {
        if (!(failure instanceof WebApplicationException answered)) {
            return new DependencyUnavailableException(dependency, failure);
        }
        Response response = answered.getResponse();
        int status = response.getStatus();
        if (status >= 500 || response.getHeaderString(HttpHeaders.RETRY_AFTER) != null) {
            return new DependencyUnavailableException(dependency, failure);
        }
        Problem problem = readProblem(response);
        String typeSlug = problem == null || problem.type() == null ? "http-" + status : lastSegment(problem.type().getPath());
        String detail = problem == null || problem.detail() == null ? dependency + " answered " + status : problem.detail();
        return new DownstreamRejection(dependency, status, typeSlug, detail, failure);
    }

    private static Problem readProblem(Response response) {
        try {
            return response.readEntity(Problem.class);
        } catch (RuntimeException notAProblemDocument) {
            return null;
        }
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
