package io.otelref.platform.http;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.otelref.platform.problem.Problem;
import io.otelref.platform.problem.ProblemResponses;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Reads every request body before anything else does, up to {@code platform.http.max-request-body}
 * (64 KiB, more than any valid request of this system needs), and answers a larger one with the
 * {@code body-too-large} problem, whatever its size and whether it declares a {@code Content-Length}
 * or comes in chunks.
 *
 * <p>Why a Vert.x route and not a JAX-RS filter: Quarkus enforces its own limit
 * ({@code quarkus.http.limits.max-body-size}) in a route of order -2, before RESTEasy Reactive sees the
 * request, with a bare 413 and a closed connection; and RESTEasy Reactive cuts off a chunked body over
 * that limit the same way. A route of order {@value #ORDER} runs before both. Its {@link BodyHandler}
 * rejects a declared length over the limit without reading the body, and stops buffering a chunked
 * body the moment it grows past the limit; either way it fails the request with 413, and the failure
 * handler of the same route turns that into a problem document. A body within the limit is handed on
 * already read: RESTEasy Reactive reads the routing context's body instead of the connection when
 * there is one (a non-blocking resource method only if {@code quarkus.rest.input-buffer-size} can hold
 * it whole, which this module's configuration sees to).
 *
 * <p>The rest of an oversize body may still be on its way, so the answer says {@code Connection: close}
 * and the connection is closed, as Quarkus does for its own limit; but not the moment the answer is
 * written: a client that is still sending (as most do until the whole body is out) would then get a
 * reset connection instead of the answer. The rest of the body is read and dropped, and the connection
 * closed when it has arrived, or after {@value #LINGER_MILLIS} ms at most (a "lingering close").
 *
 * <p>An HTTP/2 request (a client that upgraded with {@code h2c}, as java.net.http does by default) is not
 * read ahead: RESTEasy Reactive pauses the request it is handed, which an HTTP/2 stream that has already
 * ended refuses, and every such request was a 500. Its declared length is checked here; a body streamed
 * without one meets Quarkus's own limit, with a bare 413, as before.
 */
@ApplicationScoped
public class OversizeBodyRejection {

    /** Before Quarkus's own body-size check (order -2) and before RESTEasy Reactive's route. */
    static final int ORDER = -50;

    /** How long the rest of an oversize body is read and dropped before the connection is closed anyway. */
    static final long LINGER_MILLIS = 2000;

    private static final Logger LOG = Logger.getLogger(OversizeBodyRejection.class);

    private final long maxBytes;
    private final ObjectMapper json;

    OversizeBodyRejection(@ConfigProperty(name = "platform.http.max-request-body", defaultValue = "64K") MemorySize max,
            ObjectMapper json) {
        this.maxBytes = max.asLongValue();
        this.json = json;
    }

    void readBodiesWithinTheLimit(@Observes Router router) {
        BodyHandler readAhead = BodyHandler.create(false).setBodyLimit(maxBytes);
        router.route().order(ORDER)
                .handler(request -> {
                    if (request.request().version() == HttpVersion.HTTP_2) {
                        refuseDeclaredOversize(request);
                    } else {
                        readAhead.handle(request);
                    }
                })
                .handler(OversizeBodyRejection::emptyBodyIsABody)
                .failureHandler(this::answerTooLarge);
    }

    private void refuseDeclaredOversize(RoutingContext request) {
        String declared = request.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declaredLength(declared) > maxBytes) {
            request.fail(413);
        } else {
            request.next();
        }
    }

    private static long declaredLength(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim());
        } catch (NumberFormatException malformed) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * BodyHandler leaves the body of a request without one (a POST with {@code Content-Length: 0}) unset,
     * and RESTEasy Reactive would then wait for it on the connection, where it has long ended, until its
     * read timeout. An empty body is what such a request has.
     */
    private static void emptyBodyIsABody(RoutingContext request) {
        if (request.request().version() != HttpVersion.HTTP_2 && request.body().buffer() == null) {
            request.setBody(Buffer.buffer());
        }
        request.next();
    }

    private void answerTooLarge(RoutingContext request) {
        HttpServerResponse response = request.response();
        if (request.statusCode() != 413 || response.headWritten()) {
            request.next();
            return;
        }
        String message = "must not be larger than " + maxBytes + " bytes";
        Problem problem = ProblemResponses.problem(413, "body-too-large", "The request body is too large",
                "body " + message, List.of(new Problem.FieldError("body", message)));
        response.setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (request.request().version() != HttpVersion.HTTP_2) {
            closeOnceTheBodyIsIn(request);
        }
        try {
            response.end(json.writeValueAsString(problem));
        } catch (JsonProcessingException impossible) {
            LOG.error("Cannot write the body-too-large problem", impossible);
            response.end();
        }
    }

    private static void closeOnceTheBodyIsIn(RoutingContext request) {
        HttpServerRequest in = request.request();
        HttpServerResponse response = request.response();
        HttpConnection connection = in.connection();
        response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        if (!in.isEnded()) {
            in.handler(dropped -> {
            });
            in.endHandler(ended -> {
                if (response.ended()) {
                    connection.close();
                }
            });
            in.resume();
        }
        response.endHandler(written -> {
            if (in.isEnded()) {
                connection.close();
            } else {
                request.vertx().setTimer(LINGER_MILLIS, timeUp -> connection.close());
            }
        });
    }
}
