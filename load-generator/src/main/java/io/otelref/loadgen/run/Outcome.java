package io.otelref.loadgen.run;

import java.io.IOException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

/** What became of one checkout request. Everything but a placed or declined order counts as an error. */
public enum Outcome {
    PLACED("placed", false),
    DECLINED("declined", false),
    CLIENT_ERROR("client_error", true),
    SERVER_ERROR("server_error", true),
    UNEXPECTED_STATUS("unexpected_status", true),
    TIMEOUT("timeout", true),
    CONNECTION_ERROR("connection_error", true),
    /** Never sent: the arrival found --max-in-flight requests outstanding. */
    SHED("shed", true);

    private final String label;
    private final boolean error;

    Outcome(String label, boolean error) {
        this.label = label;
        this.error = error;
    }

    public String label() {
        return label;
    }

    public boolean isError() {
        return error;
    }

    public static Outcome ofStatus(int status) {
        if (status == 201) {
            return PLACED;
        }
        if (status == 402) {
            return DECLINED;
        }
        if (status >= 400 && status < 500) {
            return CLIENT_ERROR;
        }
        if (status >= 500 && status < 600) {
            return SERVER_ERROR;
        }
        return UNEXPECTED_STATUS;
    }

    public static Outcome ofFailure(IOException failure) {
        if (failure instanceof HttpTimeoutException && !(failure instanceof HttpConnectTimeoutException)) {
            return TIMEOUT;
        }
        return CONNECTION_ERROR;
    }
}
