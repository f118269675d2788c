package io.voicegateway.security;

import io.voicegateway.server.ApiException;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which numbers {@code POST /make-call} may dial: those starting with one of MAKE_CALL_ALLOWED_PREFIXES
 * (E.164 country or area prefixes such as {@code +1,+44}); any number when the setting is empty. A stolen key
 * then cannot run up premium-rate or far-away destinations.
 */
@Component
public class DestinationAllowList {

    private final List<String> prefixes;

    @Autowired
    public DestinationAllowList(SecurityProperties security) {
        this(security.allowedPrefixList());
    }

    DestinationAllowList(List<String> prefixes) {
        this.prefixes = prefixes.stream().map(p -> p.startsWith("+") ? p : "+" + p).toList();
    }

    /** @throws ApiException 403 destination_not_allowed naming the allowed prefixes */
    public void check(String e164) {
        if (prefixes.isEmpty() || prefixes.stream().anyMatch(e164::startsWith)) {
            return;
        }
        throw new ApiException(403, "destination_not_allowed",
                "This gateway may only call numbers starting with " + String.join(", ", prefixes)
                        + " (MAKE_CALL_ALLOWED_PREFIXES)", Map.of("allowed_prefixes", prefixes));
    }
}
