package io.voicegateway.twilio;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.TwilioRestClient;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.routing.HttpRoutePlanner;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Builds the Twilio SDK's REST client. When {@code twilio.api-base-url} is not Twilio's own, every request
 * for a {@code *.twilio.com} host is routed to that base URL instead (a route planner in the SDK's Apache
 * HttpClient), so paths, auth and response parsing stay the SDK's own — this is how tests use a local fake.
 *
 * <p>Timeouts: the SDK's {@code NetworkHttpClient} stamps its own {@code RequestConfig} on every request (30.5 s
 * connect, no response timeout), which replaces the client's default config. So our timeouts are applied by
 * an exec-chain handler that runs first and puts our config into the request's context, where the connect
 * and read steps look for it (twilio-java 13.0.1, HttpClient 5).
 */
public final class TwilioRestClientFactory {

    static final String TWILIO_API = "https://api.twilio.com";

    private TwilioRestClientFactory() {
    }

    public static TwilioRestClient create(TwilioProperties twilio) {
        return create(twilio, TwilioRestProperties.defaults());
    }

    public static TwilioRestClient create(TwilioProperties twilio, TwilioRestProperties rest) {
        RequestConfig requestConfig = RequestConfig.custom()
                .setConnectionRequestTimeout(rest.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .setConnectTimeout(rest.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .setResponseTimeout(rest.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build();
        ExecChainHandler ourTimeouts = (request, scope, chain) -> {
            scope.clientContext.setRequestConfig(requestConfig);
            return chain.proceed(request, scope);
        };
        HttpClientBuilder http = HttpClientBuilder.create().setDefaultRequestConfig(requestConfig)
                .addExecInterceptorFirst("voice-gateway-timeouts", ourTimeouts)
                .useSystemProperties();
        String base = twilio.apiBaseUrl() == null ? TWILIO_API : twilio.apiBaseUrl().trim();
        if (!base.isEmpty() && !base.equals(TWILIO_API)) {
            URI uri = URI.create(base);
            http.setRoutePlanner(new RedirectingRoutePlanner(new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort())));
        }
        return new TwilioRestClient.Builder(twilio.accountSid().trim(), twilio.authToken().trim())
                .httpClient(new NetworkHttpClient(http))
                .build();
    }

    /** Sends requests for Twilio's hosts to {@code target}; anything else goes where it was addressed. */
    private record RedirectingRoutePlanner(HttpHost target) implements HttpRoutePlanner {
        private static final HttpRoutePlanner DEFAULT = new DefaultRoutePlanner(null);

        @Override
        public HttpRoute determineRoute(HttpHost host, HttpContext context) throws HttpException {
            if (host != null && host.getHostName().endsWith("twilio.com")) {
                return new HttpRoute(target);
            }
            return DEFAULT.determineRoute(host, context);
        }

        @Override
        public HttpRoute determineRoute(HttpHost host, HttpRequest request, HttpContext context) throws HttpException {
            return determineRoute(host, context);
        }
    }
}
