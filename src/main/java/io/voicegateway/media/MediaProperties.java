package io.voicegateway.media;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code media.*} settings: what a media-stream connection may do before and while it streams
 * (config/application.yaml documents each key).
 *
 * @param startTimeout          a connection that sends no valid {@code start} (right token) in this time is closed 1008
 * @param streamWaitTimeout     a call with no stream this long after its last status change is ended ({@code stream_timeout})
 * @param maxMessageBytes       largest inbound WebSocket message; Twilio's are about 400 bytes
 * @param maxMessagesPerSecond  sustained inbound message rate allowed per connection (Twilio sends 50/s)
 * @param modelReplyTimeout     no model output this long after the caller's last speech ends the call ({@code model_timeout})
 * @param workerThreads         threads that process calls' media messages ({@code media-frames}); a call uses one at a
 *                              time, and with batched VAD a frame holds its thread while it waits for its window's result
 */
@ConfigurationProperties(prefix = "media")
public record MediaProperties(
        @DefaultValue("5s") Duration startTimeout,
        @DefaultValue("90s") Duration streamWaitTimeout,
        @DefaultValue("16384") int maxMessageBytes,
        @DefaultValue("200") int maxMessagesPerSecond,
        @DefaultValue("10s") Duration modelReplyTimeout,
        @DefaultValue("64") int workerThreads) {
}
