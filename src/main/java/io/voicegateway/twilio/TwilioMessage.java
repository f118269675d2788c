package io.voicegateway.twilio;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Twilio Media Streams WebSocket message. Inbound messages come from Twilio; outbound ones we send back on a
 * bidirectional stream. Byte-array components compare by identity, as in every record.
 *
 * @see <a href="https://www.twilio.com/docs/voice/media-streams/websocket-messages">Media Streams WebSocket messages</a>
 */
public sealed interface TwilioMessage {

    /** A message Twilio sends us. */
    sealed interface Inbound extends TwilioMessage {
    }

    /** A message we send Twilio. */
    sealed interface Outbound extends TwilioMessage {
    }

    /** First message on a new stream; carries no stream id yet. */
    record Connected(String protocol, String version) implements Inbound {
    }

    /** Stream metadata; {@code customParameters} are the TwiML {@code <Parameter>} children. */
    record Start(long sequenceNumber, String streamSid, String accountSid, String callSid, List<String> tracks,
            Map<String, String> customParameters, MediaFormat mediaFormat) implements Inbound {

        public Start {
            tracks = List.copyOf(tracks);
            customParameters = Map.copyOf(customParameters);
        }
    }

    /** Audio encoding of a stream; Twilio sends {@code audio/x-mulaw}, 8000 Hz, 1 channel. */
    record MediaFormat(String encoding, int sampleRate, int channels) {
    }

    /**
     * One chunk of caller audio (20 ms, 160 bytes of μ-law at 8 kHz). {@code timestamp} is milliseconds since the
     * stream started; {@code payload} is the raw audio, base64-decoded.
     */
    record Media(long sequenceNumber, String streamSid, String track, long chunk, long timestamp, byte[] payload)
            implements Inbound {
    }

    /** Echo of a mark we sent: the audio sent before it has been played, or was cleared. */
    record Mark(long sequenceNumber, String streamSid, String name) implements Inbound {
    }

    /** A key the caller pressed. */
    record Dtmf(long sequenceNumber, String streamSid, String track, String digit) implements Inbound {
    }

    /** The stream has ended (hang-up or the TwiML moved on). */
    record Stop(long sequenceNumber, String streamSid, String accountSid, String callSid) implements Inbound {
    }

    /** Audio for the caller: raw 8 kHz μ-law, no file header. */
    record OutboundMedia(String streamSid, byte[] mulaw) implements Outbound {

        public OutboundMedia {
            Objects.requireNonNull(streamSid, "streamSid");
            Objects.requireNonNull(mulaw, "mulaw");
        }
    }

    /** Asks Twilio to echo {@code name} once the audio sent before it has played. */
    record OutboundMark(String streamSid, String name) implements Outbound {

        public OutboundMark {
            Objects.requireNonNull(streamSid, "streamSid");
            Objects.requireNonNull(name, "name");
        }
    }

    /** Discards the audio Twilio has buffered but not yet played (barge-in). */
    record Clear(String streamSid) implements Outbound {

        public Clear {
            Objects.requireNonNull(streamSid, "streamSid");
        }
    }
}
