package io.voicegateway.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.voicegateway.call.Call;
import io.voicegateway.call.CallDirection;
import io.voicegateway.call.CallUsage;
import io.voicegateway.call.InMemoryCallRegistry;
import io.voicegateway.call.NewCall;
import io.voicegateway.metrics.GatewayMetrics;
import io.voicegateway.nova.NovaEvent;
import io.voicegateway.nova.codec.OutputEvent;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * Rule: a call's usage is the sum of Nova's per-event deltas (its running totals restart with each renewed
 * stream), priced per 1,000 tokens by direction and kind, and counted without a per-call tag.
 */
class UsageRecorderTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final UsageRecorder recorder = new UsageRecorder(new UsageProperties(2.0, 10.0, 0.5, 1.0),
            new GatewayMetrics(registry));
    private final Call call = new InMemoryCallRegistry(10, Clock.systemUTC())
            .create(new NewCall(CallDirection.INBOUND, "+15550000001", "+15550000002", "matthew", null));

    @Test
    void deltasAddUpAcrossStreamsAndArePriced() {
        recorder.record(call, new NovaEvent.Usage(300, 100, new OutputEvent.Tokens(200, 100, 50, 50)));
        // a renewed stream starts its totals again; only the delta counts
        recorder.record(call, new NovaEvent.Usage(10, 20, new OutputEvent.Tokens(10, 0, 20, 0)));

        CallUsage.Snapshot usage = call.record().usage();
        assertThat(usage.inputSpeechTokens()).isEqualTo(210);
        assertThat(usage.inputTextTokens()).isEqualTo(100);
        assertThat(usage.outputSpeechTokens()).isEqualTo(70);
        assertThat(usage.outputTextTokens()).isEqualTo(50);
        assertThat(usage.totalTokens()).isEqualTo(430);
        // 210 × 2.0 + 100 × 0.5 + 70 × 10.0 + 50 × 1.0 = 1220 per 1,000 tokens
        assertThat(usage.estimatedCostUsd()).isCloseTo(1.22, within(1e-9));
        assertThat(registry.get("gateway.model.tokens").tags("direction", "output", "kind", "speech").counter().count())
                .isEqualTo(70);
        assertThat(registry.get("gateway.model.tokens").counters()).allSatisfy(c ->
                assertThat(c.getId().getTags()).extracting(t -> t.getKey()).containsExactlyInAnyOrder("direction", "kind"));
    }

    @Test
    void aUsageEventWithoutDetailsChangesNothing() {
        recorder.record(call, new NovaEvent.Usage(5, 7));

        assertThat(call.record().usage().totalTokens()).isZero();
        assertThat(call.record().usage().estimatedCostUsd()).isZero();
    }
}
