package io.voicegateway.nova.session;

import io.voicegateway.nova.NovaError;
import java.net.ConnectException;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.model.InternalServerException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelStreamErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/**
 * Classifies what the SDK reports when a stream fails. Modelled exceptions map by type; transport failures by
 * cause: GOAWAY and stream/connection resets are {@link NovaError#CONNECTION_RESET}, refused connections
 * {@link NovaError#UNAVAILABLE}.
 */
final class NovaErrors {

    private NovaErrors() {
    }

    static NovaError classify(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            NovaError known = byType(t);
            if (known != null) {
                return known;
            }
        }
        String text = describe(error).toLowerCase(Locale.ROOT);
        if (text.contains("goaway") || text.contains("reset") || text.contains("closed")
                || text.contains("stream was terminated")) {
            return NovaError.CONNECTION_RESET;
        }
        return error instanceof SdkClientException ? NovaError.UNAVAILABLE : NovaError.OTHER;
    }

    private static NovaError byType(Throwable t) {
        if (t instanceof ThrottlingException) {
            return NovaError.THROTTLING;
        }
        if (t instanceof ValidationException) {
            return NovaError.VALIDATION;
        }
        if (t instanceof ModelTimeoutException) {
            return NovaError.TIMEOUT;
        }
        if (t instanceof ModelStreamErrorException || t instanceof InternalServerException) {
            return NovaError.STREAM_ERROR;
        }
        if (t instanceof ServiceUnavailableException || t instanceof ConnectException) {
            return NovaError.UNAVAILABLE;
        }
        if (t instanceof CancellationException) {
            return NovaError.CONNECTION_RESET;
        }
        return null;
    }

    /** Messages of the whole cause chain, for classification and for the SessionError text. */
    static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null && text.length() < 500; t = t.getCause() == t ? null : t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return text.toString();
    }
}
