package io.voicegateway.bargein;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code bargein.*} settings.
 *
 * @param threshold   Silero probability that counts as caller speech while the model plays
 * @param minSpeechMs speech this long over the model's audio cuts it off (shorter: coughs, clicks)
 * @param echoMargin  inbound level must exceed this fraction of the loudest audio played in the last
 *                    {@code echoWindowMs} (0.25 = -12 dB; speakerphone echo is typically -20 dB or lower)
 */
@ConfigurationProperties(prefix = "bargein")
public record BargeInProperties(
        @DefaultValue("0.5") float threshold,
        @DefaultValue("40") int minSpeechMs,
        @DefaultValue("0.25") float echoMargin,
        @DefaultValue("600") int echoWindowMs) {
}
