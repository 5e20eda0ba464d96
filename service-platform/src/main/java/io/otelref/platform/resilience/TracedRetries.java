package io.otelref.platform.resilience;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * Makes the retries of a fault-tolerant call to a dependency visible. Put it beside {@code @Retry} on a
 * method that calls a REST client: every attempt is already its own CLIENT span; with this binding,
 * each resend carries {@code http.request.resend_count}, and the resends are counted in the metric
 * {@code app.dependency.retries} tagged with the dependency and the operation. Make the call
 * itself with {@link DownstreamFailures#call}, which sorts failures into retryable and final.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface TracedRetries {

    /** The dependency's name as it appears in metrics and in {@code server.service.name}, e.g. {@code billing-service}. */
    @Nonbinding
    String dependency();
}
