package io.otelref.platform.openapi;

import java.math.BigDecimal;
import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import io.otelref.platform.admin.AdminAccess;
import io.otelref.platform.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Declares in every service's {@code /q/openapi} the answers that service-platform gives on every
 * service's behalf, so that each resource declares only its own: an operation with a body can be
 * answered 400 (malformed JSON), 413 ({@code OversizeBodyRejection}) and 415; any operation 406;
 * every {@code /admin} operation requires the admin token ({@code AdminAccess}: an HTTP bearer scheme,
 * 401 with {@code WWW-Authenticate}, 404 while the admin API is off). Every error answer is an
 * {@code application/problem+json} {@link Problem}, and every 503 carries {@code Retry-After}.
 *
 * <p>Declared rather than left implicit because the document is the contract clients and the API
 * fuzzer ({@code tools/api-fuzz.py}) hold the services to: an answer it does not list is a finding.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class PlatformResponses implements OASFilter {

    static final String PROBLEM_SCHEMA = "Problem";
    static final String ADMIN_SCHEME = "adminToken";

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        if (openApi.getPaths() == null || openApi.getPaths().getPathItems() == null) {
            return;
        }
        boolean anyAdmin = false;
        for (Map.Entry<String, PathItem> path : openApi.getPaths().getPathItems().entrySet()) {
            boolean admin = isAdmin(path.getKey());
            anyAdmin |= admin;
            for (Operation operation : path.getValue().getOperations().values()) {
                declarePlatformAnswers(operation, admin);
            }
        }
        Components components = openApi.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openApi.setComponents(components);
        }
        if (anyAdmin) {
            components.addSecurityScheme(ADMIN_SCHEME, OASFactory.createSecurityScheme()
                    .type(SecurityScheme.Type.HTTP).scheme("bearer")
                    .description("The admin token: platform.admin.token (env PLATFORM_ADMIN_TOKEN) or the content of platform.admin.token-file"));
        }
        if (components.getSchemas() == null || !components.getSchemas().containsKey(PROBLEM_SCHEMA)) {
            throw new IllegalStateException("The OpenAPI document has no " + PROBLEM_SCHEMA + " schema for its error answers to refer to:"
                    + " declare at least one @APIResponse with schema = @Schema(implementation = Problem.class)");
        }
    }

    private static boolean isAdmin(String path) {
        return path.equals(AdminAccess.PATH_PREFIX) || path.startsWith(AdminAccess.PATH_PREFIX + "/");
    }

    private static void declarePlatformAnswers(Operation operation, boolean admin) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        if (operation.getRequestBody() != null) {
            declare(responses, "400", "The body is not JSON, or a field is missing, of the wrong type or out of range"
                    + " (malformed-body, validation-failed); errors name the fields");
            declare(responses, "413", "The body is larger than platform.http.max-request-body, 64 KiB (body-too-large)");
            declare(responses, "415", "The Content-Type is not application/json (http-415)");
        }
        declare(responses, "406", "The Accept header allows none of this operation's media types (http-406)");
        if (admin) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(ADMIN_SCHEME));
            declare(responses, "401", "The admin token is missing or wrong (admin-unauthorized)")
                    .addHeader(HttpHeaders.WWW_AUTHENTICATE, header("The scheme to send the token with: Bearer", stringSchema()));
            declare(responses, "404", "The admin API is off: no admin token is configured (admin-disabled)");
        }
        for (Map.Entry<String, APIResponse> answer : responses.getAPIResponses().entrySet()) {
            if (answer.getKey().startsWith("4") || answer.getKey().startsWith("5")) {
                if (answer.getValue().getContent() == null) {
                    answer.getValue().content(problemContent());
                }
            }
            if (answer.getKey().equals("503") && (answer.getValue().getHeaders() == null
                    || !answer.getValue().getHeaders().containsKey(HttpHeaders.RETRY_AFTER))) {
                answer.getValue().addHeader(HttpHeaders.RETRY_AFTER, header("Seconds to wait before trying again",
                        OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(BigDecimal.ZERO)));
            }
        }
    }

    /** The answer under {@code status}: the one the resource declared, or else a new one with this description. */
    private static APIResponse declare(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description).content(problemContent()));
        }
        return responses.getAPIResponse(status);
    }

    private static Header header(String description, Schema schema) {
        return OASFactory.createHeader().description(description).required(true).schema(schema);
    }

    private static Schema stringSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }

    private static org.eclipse.microprofile.openapi.models.media.Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA)));
    }
}
