package io.voicegateway.nova;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Startup refuses a DEFAULT_VOICE_ID the model lacks (every inbound call would be silent), naming the setting. */
class DefaultVoiceCheckTest {

    @Test
    void aDefaultVoiceTheModelLacksIsAProblemNamingTheSettingAndTheModel() {
        assertThat(DefaultVoiceCheck.problem("olivia", "amazon.nova-sonic-v1:0")).hasValueSatisfying(problem ->
                assertThat(problem).contains("DEFAULT_VOICE_ID").contains("olivia").contains("amazon.nova-sonic-v1:0"));
        assertThat(DefaultVoiceCheck.problem("greta", "amazon.nova-2-sonic-v1:0")).isPresent();
        assertThat(DefaultVoiceCheck.problem("hal9000", "amazon.nova-2-sonic-v1:0")).hasValueSatisfying(problem ->
                assertThat(problem).contains("not a Nova Sonic voice"));
    }

    @Test
    void aDefaultVoiceOfTheModelIsFineAndMathewStillMeansMatthew() {
        assertThat(DefaultVoiceCheck.problem("matthew", "amazon.nova-2-sonic-v1:0")).isEmpty();
        assertThat(DefaultVoiceCheck.problem("Mathew", "amazon.nova-sonic-v1:0")).isEmpty();
    }
}
