package io.voicegateway.vad;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.voicegateway.GatewayTestSupport;
import io.voicegateway.LogCapture;
import io.voicegateway.cli.CallReport;
import io.voicegateway.cli.SimulatedCaller;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One simulated call through a gateway, talking over the reply: its caller's speech start and end are reported
 * and it barges in. The subclasses run it with Silero batched across calls and without.
 */
abstract class VadGatewayCall extends GatewayTestSupport {

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    /** Runs one simulated call that talks over the reply; returns /metrics after it. */
    String callReportsSpeechAndBargesIn() throws Exception {
        CallReport report = simulatedCall("one-utterance.wav", new SimulatedCaller.Options(400, 40_000));

        assertThat(report.error()).isNull();
        assertThat(report.clears()).isGreaterThanOrEqualTo(1);
        assertThat(report.bargeInLatencyMs()).isNotNull().isPositive();
        assertThat(logs.events()).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(m -> m.startsWith("Speech started: call " + report.callId()))
                .anyMatch(m -> m.startsWith("Speech ended: call " + report.callId()));
        String metrics = get("/metrics").body();
        assertThat(metricValue(metrics, "gateway_bargeins_total{source=\"vad\"}")).isGreaterThanOrEqualTo(1);
        return metrics;
    }
}
