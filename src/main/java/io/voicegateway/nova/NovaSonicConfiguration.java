package io.voicegateway.nova;

import io.voicegateway.nova.session.NovaSettings;
import java.time.Duration;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/** Options of {@code nova-sonic:} endpoints; the component holds the defaults, each endpoint a {@link #copy()}. */
@UriParams
public class NovaSonicConfiguration implements Cloneable {

    /** Bedrock model id: amazon.nova-2-sonic-v1:0 (Nova 2) or amazon.nova-sonic-v1:0 (v1). */
    @UriParam(defaultValue = NovaSettings.DEFAULT_MODEL_ID)
    private String modelId = NovaSettings.DEFAULT_MODEL_ID;
    /** AWS region of the Bedrock endpoint (Nova 2: us-east-1, us-west-2, ap-northeast-1). */
    @UriParam(defaultValue = "us-east-1")
    private String region = "us-east-1";
    /** Voice used when OPEN gives no NovaVoiceId header. */
    @UriParam(defaultValue = "matthew")
    private String voiceId = "matthew";
    /** System prompt used when OPEN gives no NovaSystemPrompt header. */
    @UriParam
    private String systemPrompt;
    /** Most tokens Nova may generate per response. */
    @UriParam(defaultValue = "256")
    private int maxTokens = 256;
    /** Nucleus sampling probability. */
    @UriParam(defaultValue = "0.9")
    private double topP = 0.9;
    /** Sampling temperature. */
    @UriParam(defaultValue = "0.7")
    private double temperature = 0.7;
    /** How eagerly Nova ends a turn: HIGH, MEDIUM or LOW; empty leaves Nova's default. */
    @UriParam(defaultValue = "MEDIUM", enums = "HIGH,MEDIUM,LOW")
    private String endpointingSensitivity = "MEDIUM";
    /** PCM rate of the audio sent to Nova, Hz. */
    @UriParam(defaultValue = "8000", enums = "8000,16000")
    private int inputSampleRate = 8000;
    /** PCM rate of the audio Nova answers in, Hz. */
    @UriParam(defaultValue = "8000", enums = "8000,16000,24000")
    private int outputSampleRate = 8000;
    /** Bedrock endpoint to use instead of AWS's, e.g. the local emulator http://127.0.0.1:PORT. */
    @UriParam
    private String endpointOverride;
    /** Most concurrent HTTP/2 streams of a client the endpoint builds: all calls x2 (renewal overlap). */
    @UriParam(defaultValue = "1000")
    private int maxConcurrency = 1000;
    /** Age of a stream at which the next one is opened, before Bedrock's 8-minute cap (ISO-8601 or 6m style). */
    @UriParam(defaultValue = "6m")
    private Duration renewAfter = Duration.ofMinutes(6);
    /** Text sent as the caller's first message right after a session opens, so the model speaks first; empty = off. */
    @UriParam
    private String greeting;
    /** Tools offered to the model in promptStart (set from the tools.* settings, not from a URI). */
    @UriParam(label = "advanced")
    private java.util.List<io.voicegateway.nova.codec.ToolSpec> tools = java.util.List.of();
    /** A client to use instead of building one; the endpoint never closes a client it did not build. */
    @UriParam(label = "advanced")
    @Metadata(autowired = true)
    private BedrockRuntimeAsyncClient bedrockClient;

    /** Session settings for these options. */
    public NovaSettings toSettings() {
        NovaSettings defaults = NovaSettings.defaults();
        return new NovaSettings(modelId, maxTokens, topP, temperature, endpointingSensitivity, inputSampleRate,
                outputSampleRate, renewAfter, defaults.openAttempts(), defaults.openBackoff(),
                defaults.closeTimeout());
    }

    public NovaSonicConfiguration copy() {
        try {
            return (NovaSonicConfiguration) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getModelId() {
        return modelId;
    }

    public void setModelId(String modelId) {
        this.modelId = modelId;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getVoiceId() {
        return voiceId;
    }

    public void setVoiceId(String voiceId) {
        this.voiceId = voiceId;
    }

    public String getSystemPrompt() {
        return systemPrompt;
    }

    public void setSystemPrompt(String systemPrompt) {
        this.systemPrompt = systemPrompt;
    }

    public int getMaxTokens() {
        return maxTokens;
    }

    public void setMaxTokens(int maxTokens) {
        this.maxTokens = maxTokens;
    }

    public double getTopP() {
        return topP;
    }

    public void setTopP(double topP) {
        this.topP = topP;
    }

    public double getTemperature() {
        return temperature;
    }

    public void setTemperature(double temperature) {
        this.temperature = temperature;
    }

    public String getEndpointingSensitivity() {
        return endpointingSensitivity;
    }

    public void setEndpointingSensitivity(String endpointingSensitivity) {
        this.endpointingSensitivity = endpointingSensitivity;
    }

    public int getInputSampleRate() {
        return inputSampleRate;
    }

    public void setInputSampleRate(int inputSampleRate) {
        this.inputSampleRate = inputSampleRate;
    }

    public int getOutputSampleRate() {
        return outputSampleRate;
    }

    public void setOutputSampleRate(int outputSampleRate) {
        this.outputSampleRate = outputSampleRate;
    }

    public String getEndpointOverride() {
        return endpointOverride;
    }

    public void setEndpointOverride(String endpointOverride) {
        this.endpointOverride = endpointOverride;
    }

    public int getMaxConcurrency() {
        return maxConcurrency;
    }

    public void setMaxConcurrency(int maxConcurrency) {
        this.maxConcurrency = maxConcurrency;
    }

    public Duration getRenewAfter() {
        return renewAfter;
    }

    public void setRenewAfter(Duration renewAfter) {
        this.renewAfter = renewAfter;
    }

    public String getGreeting() {
        return greeting;
    }

    public void setGreeting(String greeting) {
        this.greeting = greeting;
    }

    public java.util.List<io.voicegateway.nova.codec.ToolSpec> getTools() {
        return tools;
    }

    public void setTools(java.util.List<io.voicegateway.nova.codec.ToolSpec> tools) {
        this.tools = tools == null ? java.util.List.of() : java.util.List.copyOf(tools);
    }

    public BedrockRuntimeAsyncClient getBedrockClient() {
        return bedrockClient;
    }

    public void setBedrockClient(BedrockRuntimeAsyncClient bedrockClient) {
        this.bedrockClient = bedrockClient;
    }
}
