package io.voicegateway.dtmf;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code dtmf.*} settings.
 *
 * @param toModel send the keys a caller presses to the model as text ("caller pressed 1234")
 * @param pause   a pause this long after the last key ends an entry ('#' ends it at once)
 */
@ConfigurationProperties(prefix = "dtmf")
public record DtmfProperties(@DefaultValue("true") boolean toModel, @DefaultValue("1500ms") Duration pause) {
}
