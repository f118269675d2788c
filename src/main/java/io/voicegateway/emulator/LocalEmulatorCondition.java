package io.voicegateway.emulator;

import java.util.Locale;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True in local mode ({@code gateway.mode}, default local) when {@code nova.endpoint-override} is empty. */
public final class LocalEmulatorCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String mode = context.getEnvironment().getProperty("gateway.mode", "local");
        String override = context.getEnvironment().getProperty("nova.endpoint-override", "");
        return "local".equals(mode.trim().toLowerCase(Locale.ROOT)) && override.isBlank();
    }
}
