package io.voicegateway.softphone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voicegateway.server.ApiException;
import io.voicegateway.server.GatewayMode;
import io.voicegateway.server.GatewayProperties;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** Rule: the softphone is served in local mode only; production answers 404 for the page and every file. */
class SoftphoneHandlerTest {

    private static SoftphoneHandler handler(GatewayMode mode) {
        return new SoftphoneHandler(new GatewayProperties(mode, 7860, null, null, 600, "memory", 500, "matthew", "x"));
    }

    private static Exchange request(String file) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getIn().setHeader("User-Agent", "test");
        if (file != null) {
            exchange.getIn().setHeader(SoftphoneHandler.FILE_HEADER, file);
        }
        return exchange;
    }

    @Test
    void theRootServesThePageWithoutEchoingRequestHeaders() {
        Exchange exchange = request(null);
        handler(GatewayMode.LOCAL).process(exchange);
        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(200);
        assertThat(exchange.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("text/html; charset=utf-8");
        assertThat(new String(exchange.getMessage().getBody(byte[].class))).contains("<html");
        assertThat(exchange.getMessage().getHeader("User-Agent")).isNull();
    }

    @Test
    void productionModeOffersNeitherThePageNorItsFiles() {
        SoftphoneHandler production = handler(GatewayMode.PRODUCTION);
        assertThatThrownBy(() -> production.process(request(null))).isInstanceOf(ApiException.class)
                .hasMessageContaining("local mode").extracting(e -> ((ApiException) e).status()).isEqualTo(404);
        assertThatThrownBy(() -> production.process(request("app.js"))).isInstanceOf(ApiException.class);
    }

    @Test
    void anUnsafeNameIsA404NamingTheFile() {
        assertThatThrownBy(() -> handler(GatewayMode.LOCAL).process(request("../application.yaml")))
                .isInstanceOf(ApiException.class).hasMessageContaining("../application.yaml");
    }
}
