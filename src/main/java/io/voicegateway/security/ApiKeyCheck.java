package io.voicegateway.security;

import io.voicegateway.server.ApiException;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * First step of every protected REST route: checks {@code Authorization: Bearer <key>} against
 * {@link ApiKeys}. 401 without a key or with an unknown one, 403 when the route needs an admin key and the
 * key is a user key. On success the caller goes into the exchange property {@link #CALLER} (rate limits read
 * it) and the Authorization header is removed, so the key travels no further and can never be logged.
 */
public final class ApiKeyCheck implements Processor {

    /** Exchange property: the {@link ApiKeys.Caller} of an accepted request. */
    public static final String CALLER = "VoiceGatewayApiCaller";
    static final String AUTHORIZATION = "Authorization";
    private static final String BEARER = "Bearer ";
    private static final Map<String, String> CHALLENGE = Map.of("WWW-Authenticate", "Bearer");

    private final ApiKeys keys;
    private final ApiKeys.Role required;
    private final boolean open;

    /**
     * @param open true lets every request through unchecked (e.g. {@code /metrics} with METRICS_PUBLIC=true)
     */
    public ApiKeyCheck(ApiKeys keys, ApiKeys.Role required, boolean open) {
        this.keys = keys;
        this.required = required;
        this.open = open;
    }

    @Override
    public void process(Exchange exchange) {
        String header = exchange.getIn().getHeader(AUTHORIZATION, String.class);
        exchange.getIn().removeHeader(AUTHORIZATION);
        if (open) {
            return;
        }
        ApiKeys.Caller caller = check(header);
        exchange.setProperty(CALLER, caller);
    }

    /** The caller a request's Authorization header value belongs to, or the 401/403 it earns. */
    ApiKeys.Caller check(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new ApiException(401, "unauthorized",
                    "An API key is required: send 'Authorization: Bearer <key>' with a key from API_KEYS",
                    Map.of(), CHALLENGE);
        }
        Optional<ApiKeys.Caller> caller = authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? keys.authenticate(authorization.substring(BEARER.length()).trim())
                : Optional.empty();
        if (caller.isEmpty()) {
            throw new ApiException(401, "unauthorized",
                    "The API key is not valid (expected 'Authorization: Bearer <key>' with a key from API_KEYS)",
                    Map.of(), CHALLENGE);
        }
        if (required == ApiKeys.Role.ADMIN && caller.get().role() != ApiKeys.Role.ADMIN) {
            throw new ApiException(403, "forbidden", "This endpoint needs an admin key (one from ADMIN_API_KEYS)");
        }
        return caller.get();
    }
}
