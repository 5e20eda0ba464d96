package io.otelref.observability.http;

import com.fasterxml.jackson.databind.JsonNode;

/** A status code and the JSON body that came with it. */
public record JsonResponse(int status, JsonNode body) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
