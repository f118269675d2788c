package io.voicegateway.usage;

import io.voicegateway.call.Call;
import io.voicegateway.metrics.GatewayMetrics;
import io.voicegateway.nova.NovaEvent;
import io.voicegateway.nova.codec.OutputEvent;

/**
 * Adds each of Nova's usage events to its call (tokens by direction and kind, estimated cost) and to the
 * token counters. Uses the event's delta: Nova's totals are per stream and restart when a stream is renewed.
 */
public final class UsageRecorder {

    private final UsageProperties prices;
    private final GatewayMetrics metrics;

    public UsageRecorder(UsageProperties prices, GatewayMetrics metrics) {
        this.prices = prices;
        this.metrics = metrics;
    }

    public void record(Call call, NovaEvent.Usage usage) {
        OutputEvent.Tokens d = usage.delta();
        call.usage().add(d, prices.cost(d));
        metrics.modelTokens("input", "speech", d.inputSpeech());
        metrics.modelTokens("input", "text", d.inputText());
        metrics.modelTokens("output", "speech", d.outputSpeech());
        metrics.modelTokens("output", "text", d.outputText());
    }
}
