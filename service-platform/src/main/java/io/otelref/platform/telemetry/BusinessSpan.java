package io.otelref.platform.telemetry;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * Wraps a business operation in an INTERNAL span named {@link #value()}, the one kind of span that
 * instrumentation cannot create for us. Unlike {@code @WithSpan}, an outcome the caller caused (a
 * {@link io.otelref.platform.problem.ProblemException} below 500, such as a declined payment) leaves
 * the span status unset: only failures of our own are ERROR, so error rates mean what they say.
 * Business attributes are added inside the method with {@code Span.current().setAttribute(AppAttributes…)}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface BusinessSpan {

    /** Span name, {@code <service>.<operation>} in snake_case, e.g. {@code checkout.place_order}. */
    @Nonbinding
    String value();
}
