package io.voicegateway.security;

import io.voicegateway.server.ApiException;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Toll-fraud brake on {@code POST /make-call}, wired after {@code apiKeyCheck}: every attempt (valid or not)
 * takes a token from the caller's key bucket and from its source address bucket; an empty bucket answers
 * 429 with {@code Retry-After}. The address is the TCP peer: behind a proxy that is the proxy, so the key
 * limit is then the one that counts.
 */
@Component("makeCallRateLimit")
public class MakeCallRateLimit implements Processor {

    /** Header platform-http (Vert.x) sets to the peer's {@code io.vertx.core.net.SocketAddress}. */
    static final String REMOTE_ADDRESS = "CamelVertxPlatformHttpRemoteAddress";

    private final RateLimiter perKey;
    private final RateLimiter perAddress;

    @Autowired
    public MakeCallRateLimit(SecurityProperties security) {
        this(new RateLimiter(security.makeCallsPerKeyPerMinute()), new RateLimiter(security.makeCallsPerAddressPerMinute()));
    }

    MakeCallRateLimit(RateLimiter perKey, RateLimiter perAddress) {
        this.perKey = perKey;
        this.perAddress = perAddress;
    }

    @Override
    public void process(Exchange exchange) {
        ApiKeys.Caller caller = exchange.getProperty(ApiKeyCheck.CALLER, ApiKeys.Caller.class);
        String key = caller == null ? "none" : caller.keyId();
        Object peer = exchange.getIn().getHeader(REMOTE_ADDRESS);
        String address = peer instanceof io.vertx.core.net.SocketAddress s ? s.hostAddress() : String.valueOf(peer);
        check(perKey.tryTake(key), "this API key", "MAKE_CALL_RATE_PER_KEY");
        check(perAddress.tryTake(address), "this source address", "MAKE_CALL_RATE_PER_ADDRESS");
    }

    private static void check(OptionalLong retryAfterSecs, String who, String setting) {
        if (retryAfterSecs.isPresent()) {
            long secs = retryAfterSecs.getAsLong();
            throw new ApiException(429, "rate_limited",
                    "Too many calls placed by " + who + " (limit " + setting + " per minute); retry in " + secs + " s",
                    Map.of("retry_after_s", secs), Map.of("Retry-After", Long.toString(secs)));
        }
    }
}
