package io.voicegateway.media;

/** Exchange headers of the media-stream route (routes/media-stream.camel.yaml branches on {@link #EVENT}). */
public final class MediaHeaders {

    /**
     * {@code String}: what this exchange carries: {@code open}, {@code close} (WebSocket events), the Twilio
     * event ({@code connected, start, media, mark, dtmf, stop}), or {@code ignored} (refused or malformed).
     */
    public static final String EVENT = "TwilioEvent";
    /** {@code String}: the DTMF digit of a {@code dtmf} event, for routes that act on key presses. */
    public static final String DTMF_DIGIT = "TwilioDtmfDigit";
    /** {@code Long}: System.nanoTime() when the route started on the frame (origin of the inbound latency figures). */
    public static final String RECEIVED_NANOS = "MediaReceivedNanos";
    /**
     * {@code Long}: System.nanoTime() when the message reached the WebSocket consumer on the event loop, before it
     * waited in its connection's queue (origin of the queueing delay and frame age figures).
     */
    public static final String ARRIVED_NANOS = "MediaArrivedNanos";
    /** {@code Boolean}: this frame completed a chunk of model input (audio.nova-chunk-ms); false: held for the next. */
    public static final String NOVA_CHUNK_READY = "MediaNovaChunkReady";

    private MediaHeaders() {
    }
}
