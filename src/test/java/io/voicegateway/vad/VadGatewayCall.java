package io.voicegateway.vad;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.vertx.core.Vertx;
import io.voicegateway.GatewayTestSupport;
import io.voicegateway.LogCapture;
import io.voicegateway.audio.AudioFiles;
import io.voicegateway.cli.CallReport;
import io.voicegateway.cli.CallerAudio;
import io.voicegateway.cli.SimulatedCaller;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        Vertx vertx = Vertx.vertx();
        CallReport report;
        try {
            report = new SimulatedCaller(vertx, URI.create(baseUrl()),
                    new CallerAudio(AudioFiles.read(Path.of("src/test/resources/audio/one-utterance.wav"))),
                    new SimulatedCaller.Options(400, 40_000)).run()
                    .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } finally {
            vertx.close();
        }

        assertThat(report.error()).isNull();
        assertThat(report.clears()).isGreaterThanOrEqualTo(1);
        assertThat(report.bargeInLatencyMs()).isNotNull().isPositive();
        assertThat(logs.events()).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(m -> m.startsWith("Speech started: call " + report.callId()))
                .anyMatch(m -> m.startsWith("Speech ended: call " + report.callId()));
        String metrics = get("/metrics").body();
        assertThat(value(metrics, "gateway_bargeins_total{source=\"vad\"}")).isGreaterThanOrEqualTo(1);
        return metrics;
    }

    static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.Ee+-]+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }
}
