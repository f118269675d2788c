package io.voicegateway.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.component.vertx.websocket.VertxWebsocketConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rule: registered under a scheme of our own, the ordered component parses URIs exactly like
 * {@code vertx-websocket}: host, port, path and every endpoint option land in the endpoint's configuration.
 */
class OrderedWebsocketComponentTest {

    private final DefaultCamelContext camel = new DefaultCamelContext();

    @AfterEach
    void stop() throws Exception {
        camel.close();
    }

    @Test
    void aTwilioWsUriIsParsedIntoHostPortPathAndOptions() {
        camel.addComponent("twilio-ws", new OrderedWebsocketComponent());

        OrderedWebsocketEndpoint endpoint = camel.getEndpoint(
                "twilio-ws:0.0.0.0:7860/media-stream/{callId}?fireWebSocketConnectionEvents=true&sendToAll=false",
                OrderedWebsocketEndpoint.class);

        VertxWebsocketConfiguration configuration = endpoint.getConfiguration();
        assertThat(configuration.getWebsocketURI().getHost()).isEqualTo("0.0.0.0");
        assertThat(configuration.getWebsocketURI().getPort()).isEqualTo(7860);
        assertThat(configuration.getWebsocketURI().getPath()).isEqualTo("/media-stream/{callId}");
        assertThat(configuration.getWebsocketURI().getQuery()).as("options are not left in the URI").isNull();
        assertThat(configuration.isFireWebSocketConnectionEvents()).isTrue();
        assertThat(configuration.isSendToAll()).isFalse();
    }

    @Test
    void aUriWithoutHostAndPortTakesTheComponentDefaults() {
        OrderedWebsocketComponent component = new OrderedWebsocketComponent();
        component.setDefaultHost("0.0.0.0");
        component.setDefaultPort(7860);
        camel.addComponent("twilio-ws", component);

        OrderedWebsocketEndpoint endpoint = camel.getEndpoint("twilio-ws:/media-stream/{callId}", OrderedWebsocketEndpoint.class);

        assertThat(endpoint.getConfiguration().getWebsocketURI().getHost()).isEqualTo("0.0.0.0");
        assertThat(endpoint.getConfiguration().getWebsocketURI().getPort()).isEqualTo(7860);
    }
}
