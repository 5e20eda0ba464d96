package io.otelref.telemetry.attributes;

import java.util.List;

import io.opentelemetry.api.common.AttributeKey;

/**
 * The only attributes a log record of this system keeps, beside its trace and span ids, severity, body and
 * the resource (service.name and the rest, as on every span).
 *
 * <p>Quarkus's log handler writes more than these: {@code log.logger.namespace} (the logging facade's class),
 * {@code bridge.name} (the logger's category) and every MDC entry (Vert.x leaves {@code parentId} there),
 * none of them in the semantic-conventions registry. The collector's {@code transform/log-record-attributes}
 * keeps these keys and drops every other, once for every sender ({@code deploy/otel-collector/config.yaml};
 * a test holds the two lists equal). The code location already names the logger's class.
 *
 * <p>The same rules as {@link AppAttributes}: registry names only, nothing personal. The order, invoice and
 * account ids are not record attributes: they are on the span the record points to (its {@code span_id}),
 * and in the message text of the few records a healthy checkout writes (docs/telemetry/logs.md).
 */
public final class LogRecordAttributes {

    /** The class and method that wrote the record, e.g. {@code io.otelref.checkout.service.CheckoutService.execute}. */
    public static final AttributeKey<String> CODE_FUNCTION_NAME = AttributeKey.stringKey("code.function.name");

    /** The source line that wrote the record. */
    public static final AttributeKey<Long> CODE_LINE_NUMBER = AttributeKey.longKey("code.line.number");

    /** The thread that wrote it: tells an event-loop thread from a worker, a Kafka poll from a request. */
    public static final AttributeKey<String> THREAD_NAME = AttributeKey.stringKey("thread.name");

    /** The thread's id, for telling apart threads of one name. */
    public static final AttributeKey<Long> THREAD_ID = AttributeKey.longKey("thread.id");

    /** The class of a logged exception. */
    public static final AttributeKey<String> EXCEPTION_TYPE = AttributeKey.stringKey("exception.type");

    /** A logged exception's message: the services never put customer data into one. */
    public static final AttributeKey<String> EXCEPTION_MESSAGE = AttributeKey.stringKey("exception.message");

    /** A logged exception's stack trace. */
    public static final AttributeKey<String> EXCEPTION_STACKTRACE = AttributeKey.stringKey("exception.stacktrace");

    /** Every key above, in the order the collector's configuration lists them. */
    public static final List<AttributeKey<?>> KEPT = List.of(
            CODE_FUNCTION_NAME, CODE_LINE_NUMBER, THREAD_NAME, THREAD_ID,
            EXCEPTION_TYPE, EXCEPTION_MESSAGE, EXCEPTION_STACKTRACE);

    private LogRecordAttributes() {
    }
}
