package io.otelref.platform.telemetry;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.otelref.platform.problem.ProblemException;

/** Opens the span of a {@link BusinessSpan} method through {@link BusinessSpans} and applies the error policy described there. */
@BusinessSpan("")
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class BusinessSpanInterceptor {

    private final BusinessSpans spans;

    BusinessSpanInterceptor(BusinessSpans spans) {
        this.spans = spans;
    }

    @AroundInvoke
    Object inSpan(InvocationContext invocation) throws Exception {
        Span span = spans.start(spanName(invocation));
        try (Scope ignored = span.makeCurrent()) {
            return invocation.proceed();
        } catch (ProblemException problem) {
            if (problem.status() >= 500) {
                SpanErrors.record(span, problem, problem.typeSlug());
            }
            throw problem;
        } catch (Exception | Error failure) {
            SpanErrors.record(span, failure);
            throw failure;
        } finally {
            span.end();
        }
    }

    private static String spanName(InvocationContext invocation) {
        BusinessSpan onMethod = invocation.getMethod().getAnnotation(BusinessSpan.class);
        return onMethod != null ? onMethod.value()
                : invocation.getMethod().getDeclaringClass().getAnnotation(BusinessSpan.class).value();
    }
}
