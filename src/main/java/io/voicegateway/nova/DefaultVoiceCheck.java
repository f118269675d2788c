package io.voicegateway.nova;

import io.voicegateway.server.GatewayProperties;
import java.util.Optional;
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
        problem(gateway.defaultVoiceId(), nova.modelId()).ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
    }

    /** Why the default voice cannot be used with the model, naming DEFAULT_VOICE_ID; empty when it can. */
    static Optional<String> problem(String defaultVoiceId, String modelId) {
        Optional<String> voice = NovaVoices.normalize(defaultVoiceId);
        if (voice.isEmpty()) {
            return Optional.of("DEFAULT_VOICE_ID '" + defaultVoiceId + "' is not a Nova Sonic voice; voices of "
                    + modelId + ": " + String.join(", ", NovaVoices.forModel(modelId)));
        }
        return NovaVoices.problemWith(voice.get(), modelId).map(problem -> "DEFAULT_VOICE_ID: " + problem);
    }
}
