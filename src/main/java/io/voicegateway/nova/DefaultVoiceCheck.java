package io.voicegateway.nova;

import io.voicegateway.server.GatewayProperties;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Fails startup when {@code DEFAULT_VOICE_ID} does not speak on {@code NOVA_MODEL_ID}: inbound calls take the
 * default voice, and a voice the model lacks would make every one of them silent.
 */
@Component
public class DefaultVoiceCheck implements InitializingBean {

    private final GatewayProperties gateway;
    private final NovaProperties nova;

    public DefaultVoiceCheck(GatewayProperties gateway, NovaProperties nova) {
        this.gateway = gateway;
        this.nova = nova;
    }

    @Override
    public void afterPropertiesSet() {
        String voice = NovaVoices.normalize(gateway.defaultVoiceId()).orElseThrow(() -> new IllegalStateException(
                "DEFAULT_VOICE_ID '" + gateway.defaultVoiceId() + "' is not a Nova Sonic voice; voices: "
                        + String.join(", ", NovaVoices.forModel(nova.modelId()))));
        NovaVoices.problemWith(voice, nova.modelId()).ifPresent(problem -> {
            throw new IllegalStateException("DEFAULT_VOICE_ID: " + problem);
        });
    }
}
