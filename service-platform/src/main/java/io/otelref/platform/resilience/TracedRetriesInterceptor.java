package io.otelref.platform.resilience;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.api.semconv.http.HttpClientRequestResendCount;

/**
 * Wraps the whole retry loop of one logical call, so it must run outside SmallRye Fault Tolerance's
 * interceptor ({@code PLATFORM_AFTER + 10}). It opens a resend counter in the OpenTelemetry context;
 * the HTTP client instrumentation increments it for every request it sends under that context and
 * stamps {@code http.request.resend_count} on each attempt after the first. When fault tolerance
 * gives up (a timeout, an open circuit), the caller gets a {@link DependencyUnavailableException}
 * naming the dependency, like any other failure that a later attempt might fix.
 */
@TracedRetries(dependency = "")
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class TracedRetriesInterceptor {

    static final String RETRIES_METRIC = "app.dependency.retries";
    /** The attributes of {@value #RETRIES_METRIC}, and of any other count of calls to a dependency. */
    public static final AttributeKey<String> DEPENDENCY = AttributeKey.stringKey("dependency");
    public static final AttributeKey<String> OPERATION = AttributeKey.stringKey("operation");

    private final LongCounter retries;

    TracedRetriesInterceptor(OpenTelemetry openTelemetry) {
        this.retries = openTelemetry.getMeter("io.otelref.platform").counterBuilder(RETRIES_METRIC)
                .setUnit("{retry}")
                .setDescription("Requests sent again after a failed attempt, by dependency and operation")
                .build();
    }

    @AroundInvoke
    Object countResends(InvocationContext invocation) throws Exception {
        Context logicalCall = HttpClientRequestResendCount.initialize(Context.current());
        try (Scope ignored = logicalCall.makeCurrent()) {
            return invocation.proceed();
        } catch (FaultToleranceException gaveUp) {
            throw new DependencyUnavailableException(bindingOf(invocation).dependency(), gaveUp);
        } finally {
            // Added on every call, 0 when nothing was resent: a dependency that never needed a retry shows 0,
            // which a rate() or a dashboard can read, instead of no series at all.
            int requestsSent = HttpClientRequestResendCount.get(logicalCall);
            retries.add(Math.max(0, requestsSent - 1), Attributes.of(DEPENDENCY, bindingOf(invocation).dependency(),
                    OPERATION, invocation.getMethod().getName()));
        }
    }

    private static TracedRetries bindingOf(InvocationContext invocation) {
        TracedRetries onMethod = invocation.getMethod().getAnnotation(TracedRetries.class);
        return onMethod != null ? onMethod : invocation.getMethod().getDeclaringClass().getAnnotation(TracedRetries.class);
    }
}
