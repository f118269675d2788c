package io.voicegateway.twilio;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code twilio.rest.*} settings: how long a Twilio REST request may take and how many may run at once.
 * They bound what a slow or unreachable Twilio can hold up (config/application.yaml documents each key).
 *
 * @param connectTimeout TCP + TLS connect to Twilio's API
 * @param readTimeout    waiting for Twilio's answer once connected (socket inactivity)
 * @param threads        REST requests running at once, on their own threads (never the media path's)
 * @param queue          requests waiting for a thread; beyond it new ones are refused at once (503). A request
 *                       waiting for Twilio holds the Vert.x worker thread its HTTP route runs on (platform-http
 *                       runs routes there, and media frames use the same 20 workers), so threads + queue stay
 *                       well below 20.
 */
@ConfigurationProperties(prefix = "twilio.rest")
public record TwilioRestProperties(
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("4") int threads,
        @DefaultValue("4") int queue) {

    /** Defaults, for callers outside Spring (tools, tests). */
    public static TwilioRestProperties defaults() {
        return new TwilioRestProperties(Duration.ofSeconds(5), Duration.ofSeconds(10), 4, 4);
    }

    /** Longest a request can take end to end: waiting for a pooled connection, connecting, reading. */
    public Duration worstCase() {
        return connectTimeout.multipliedBy(2).plus(readTimeout);
    }
}
