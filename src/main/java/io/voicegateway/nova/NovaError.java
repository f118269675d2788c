package io.voicegateway.nova;

/**
 * Why a Nova Sonic stream failed, mapped from Bedrock's exception types
 * (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_InvokeModelWithBidirectionalStream.html).
 */
public enum NovaError {
    /** throttlingException (429): too many requests or streams for the account; retry later. */
    THROTTLING(true, false),
    /** validationException (400): a bad event or setting (model id, region, voice, rate); never retried. */
    VALIDATION(false, false),
    /** modelTimeoutException (408): the stream hit its time cap (8 minutes) or idled out. */
    TIMEOUT(true, true),
    /** modelStreamErrorException (424) or internalServerException (500) inside the stream. */
    STREAM_ERROR(true, true),
    /** serviceUnavailableException (503), or the endpoint could not be reached at all. */
    UNAVAILABLE(true, true),
    /** The HTTP/2 connection went away under the stream (GOAWAY, RST_STREAM, connection reset). */
    CONNECTION_RESET(true, true),
    /** Access denied, bad credentials, or anything not classified above. */
    OTHER(false, false);

    private final boolean retryOnOpen;
    private final boolean reopenMidCall;

    NovaError(boolean retryOnOpen, boolean reopenMidCall) {
        this.retryOnOpen = retryOnOpen;
        this.reopenMidCall = reopenMidCall;
    }

    /** True when opening a stream again, after a backoff, may succeed. */
    public boolean retryOnOpen() {
        return retryOnOpen;
    }

    /** True when a stream broken mid-call is worth reopening (once) with the conversation as history. */
    public boolean reopenMidCall() {
        return reopenMidCall;
    }
}
