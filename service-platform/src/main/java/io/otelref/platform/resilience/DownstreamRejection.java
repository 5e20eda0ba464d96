package io.otelref.platform.resilience;

/**
 * A dependency refused a request for a reason the request itself caused (an unknown id, a declined
 * payment): retrying cannot help, so fault tolerance passes it straight through and it never opens a
 * circuit breaker. The caller decides what the refusal means for its own client.
 */
public class DownstreamRejection extends RuntimeException {

    private final String dependency;
    private final int status;
    private final String typeSlug;

    public DownstreamRejection(String dependency, int status, String typeSlug, String detail, Throwable cause) {
        super(detail, cause);
        this.dependency = dependency;
        this.status = status;
        this.typeSlug = typeSlug;
    }

    public String dependency() {
        return dependency;
    }

    /** The dependency's HTTP status. */
    public int status() {
        return status;
    }

    /** The last segment of the dependency's problem type, e.g. {@code payment-declined}. */
    public String typeSlug() {
        return typeSlug;
    }
}
