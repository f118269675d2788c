package io.voicegateway.server;

import java.util.Map;

/**
 * An error the API answers with a JSON body {@code {"error": code, "message": text, ...details}} and an HTTP
 * status. Thrown by processors; turned into the response by {@link ApiErrorResponder} (routes/error-handling).
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String error;
    private final Map<String, Object> details;
    private final Map<String, String> headers;

    public ApiException(int status, String error, String message) {
        this(status, error, message, Map.of());
    }

    public ApiException(int status, String error, String message, Map<String, Object> details) {
        this(status, error, message, details, Map.of());
    }

    /** With response headers, e.g. {@code Retry-After} on a 429 or {@code WWW-Authenticate} on a 401. */
    public ApiException(int status, String error, String message, Map<String, Object> details,
                        Map<String, String> headers) {
        super(message);
        this.status = status;
        this.error = error;
        this.details = Map.copyOf(details);
        this.headers = Map.copyOf(headers);
    }

    public static ApiException badRequest(String error, String message) {
        return new ApiException(400, error, message);
    }

    public static ApiException notFound(String error, String message) {
        return new ApiException(404, error, message);
    }

    public Map<String, String> headers() {
        return headers;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public Map<String, Object> details() {
        return details;
    }
}
