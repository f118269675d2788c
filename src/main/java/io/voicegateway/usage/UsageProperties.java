package io.voicegateway.usage;

import io.voicegateway.nova.codec.OutputEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code usage.*} settings: US dollars per 1,000 tokens, by direction and kind, for the estimated cost on each
 * call record. Defaults are Nova Sonic's list prices at its launch (us-east-1, April 2025); check the Bedrock
 * pricing page for your model and region and set these.
 */
@ConfigurationProperties(prefix = "usage")
public record UsageProperties(
        @DefaultValue("0.0034") double speechInputPer1k,
        @DefaultValue("0.0136") double speechOutputPer1k,
        @DefaultValue("0.00006") double textInputPer1k,
        @DefaultValue("0.00024") double textOutputPer1k) {

    /** Estimated cost in dollars of the given token counts. */
    public double cost(OutputEvent.Tokens tokens) {
        return (tokens.inputSpeech() * speechInputPer1k + tokens.inputText() * textInputPer1k
                + tokens.outputSpeech() * speechOutputPer1k + tokens.outputText() * textOutputPer1k) / 1000.0;
    }
}
