package io.voicegateway.emulator;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code emulator.*} settings of the in-process Nova Sonic emulator (local mode).
 *
 * @param port            port to listen on, 0 = any free port
 * @param responseDelayMs wait before answering an utterance, ms
 * @param sessionCap      age at which a stream is cut off with modelTimeoutException (Bedrock: 8 minutes)
 * @param detector        how it hears the caller's utterances: {@code silero} (our VAD) or {@code energy}
 *                        (loudness only: cheaper, for load tests that should measure the gateway alone)
 */
@ConfigurationProperties(prefix = "emulator")
public record EmulatorProperties(
        @DefaultValue("0") int port,
        @DefaultValue("0") long responseDelayMs,
        @DefaultValue("8m") Duration sessionCap,
        @DefaultValue("silero") String detector) {

    public boolean usesSilero() {
        return !"energy".equalsIgnoreCase(detector);
    }

    public EmulatorSettings toSettings() {
        return EmulatorSettings.defaults().withPort(port).withResponseDelay(Duration.ofMillis(responseDelayMs))
                .withSessionCap(sessionCap);
    }
}
