package io.voicegateway.nova;

import io.voicegateway.nova.session.NovaSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code nova.*} settings (config/application.yaml documents each key).
 *
 * @param endpointOverride Bedrock endpoint to use instead of AWS's; empty = the in-process emulator in local mode
 * @param maxConcurrency   HTTP/2 streams the client may open: all calls x2 (renewal overlap)
 * @param renewAfter       age at which a session's stream is renewed, before Bedrock's 8-minute cap
 * @param greeting         the caller's first text right after a session opens, so the model speaks first; empty = off
 */
@ConfigurationProperties(prefix = "nova")
public record NovaProperties(
        @DefaultValue(NovaSettings.DEFAULT_MODEL_ID) String modelId,
        @DefaultValue("us-east-1") String region,
        String endpointOverride,
        @DefaultValue("256") int maxTokens,
        @DefaultValue("0.9") double topP,
        @DefaultValue("0.7") double temperature,
        @DefaultValue("MEDIUM") String endpointingSensitivity,
        @DefaultValue("8000") int inputSampleRate,
        @DefaultValue("8000") int outputSampleRate,
        @DefaultValue("1000") int maxConcurrency,
        @DefaultValue("6m") Duration renewAfter,
        String greeting) {

    /** Session settings; fails with the name of the offending key when a rate is unsupported. */
    public NovaSettings toSettings() {
        NovaSettings defaults = NovaSettings.defaults();
        return new NovaSettings(modelId, maxTokens, topP, temperature, endpointingSensitivity, inputSampleRate,
                outputSampleRate, renewAfter, defaults.openAttempts(), defaults.openBackoff(), defaults.closeTimeout());
    }

    /** Component defaults mirroring these settings (endpoints may still override per URI). */
    public NovaSonicConfiguration toComponentConfiguration() {
        NovaSonicConfiguration c = new NovaSonicConfiguration();
        c.setModelId(modelId);
        c.setRegion(region);
        c.setEndpointOverride(endpointOverride);
        c.setMaxTokens(maxTokens);
        c.setTopP(topP);
        c.setTemperature(temperature);
        c.setEndpointingSensitivity(endpointingSensitivity);
        c.setInputSampleRate(inputSampleRate);
        c.setOutputSampleRate(outputSampleRate);
        c.setMaxConcurrency(maxConcurrency);
        c.setRenewAfter(renewAfter);
        c.setGreeting(greeting);
        return c;
    }

    public boolean hasEndpointOverride() {
        return endpointOverride != null && !endpointOverride.isBlank();
    }
}
