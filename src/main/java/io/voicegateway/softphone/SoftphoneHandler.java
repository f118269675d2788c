package io.voicegateway.softphone;

import io.voicegateway.server.ApiException;
import io.voicegateway.server.GatewayProperties;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * {@code GET /} and {@code GET /static/{file}} (routes/softphone.camel.yaml): the browser softphone, local mode
 * only. Unknown, unsafe or production requests become the API's 404 JSON via the {@code api-errors} policy.
 */
@Component("softphoneHandler")
public class SoftphoneHandler implements Processor {

    /** Path parameter of {@code /static/{file}}; absent on {@code GET /}, which serves the page. */
    static final String FILE_HEADER = "file";
    static final String PAGE = "index.html";

    private final StaticAssets assets;
    private final GatewayProperties gateway;

    @Autowired
    public SoftphoneHandler(GatewayProperties gateway) {
        this(new StaticAssets(SoftphoneHandler.class.getClassLoader()), gateway);
    }

    SoftphoneHandler(StaticAssets assets, GatewayProperties gateway) {
        this.assets = assets;
        this.gateway = gateway;
    }

    @Override
    public void process(Exchange exchange) {
        if (!gateway.isLocal()) {
            throw ApiException.notFound("not_found",
                    "The softphone exists only in local mode (GATEWAY_MODE=local); production calls come from Twilio");
        }
        String name = exchange.getIn().getHeader(FILE_HEADER, PAGE, String.class);
        StaticAssets.Asset asset = assets.find(name).orElseThrow(() ->
                ApiException.notFound("not_found", "No softphone file named '" + name + "'"));
        // Drop the request headers first: platform-http would echo them back as response headers.
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, asset.contentType());
        // Served from the jar: always revalidate, so an upgraded gateway never runs yesterday's page.
        exchange.getMessage().setHeader("Cache-Control", "no-cache");
        exchange.getMessage().setBody(asset.bytes());
    }
}
