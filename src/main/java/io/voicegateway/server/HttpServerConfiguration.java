package io.voicegateway.server;

import io.vertx.core.Vertx;
import io.voicegateway.media.MediaProperties;
import io.voicegateway.media.MessageLimits;
import io.voicegateway.media.OrderedWebsocketComponent;
import io.voicegateway.metrics.GatewayMetrics;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One Vert.x HTTP server on {@code gateway.port} for everything: Camel platform-http (REST, webhooks) and the
 * media-stream WebSocket share the same {@link Vertx} and the same Router (DESIGN §10).
 */
@Configuration(proxyBeanMethods = false)
public class HttpServerConfiguration {

    /** Largest HTTP request body accepted (webhooks and JSON are a few KB). */
    static final long MAX_BODY_BYTES = 64 * 1024;

    @Bean(destroyMethod = "close")
    public Vertx vertx() {
        return Vertx.vertx();
    }

    /**
     * The media-stream WebSocket endpoint ({@code twilio-ws:}): camel-vertx-websocket with per-connection
     * ordering, on the shared Vert.x and the same port (it reuses the platform-http Router from the registry).
     */
    @Bean("twilio-ws")
    public OrderedWebsocketComponent twilioWebsocket(Vertx vertx, GatewayProperties gateway, MediaProperties media,
                                                     OverloadProperties overload, GatewayMetrics metrics) {
        OrderedWebsocketComponent component = new OrderedWebsocketComponent();
        component.setMessageLimits(new MessageLimits(media.maxMessageBytes(), media.maxMessagesPerSecond(),
                metrics::streamRefused));
        component.setConnectionQueueLimit(overload.connectionQueueLimit());
        component.setWorkerThreads(media.workerThreads());
        component.setOnQueueFull(() -> metrics.frameDropped("queue_full"));
        component.setVertx(vertx);
        component.setDefaultHost("0.0.0.0");
        component.setDefaultPort(gateway.port());
        return component;
    }

    /**
     * Registers the platform-http server before routes start, so its Router is in the registry when the
     * WebSocket consumer looks for one (it reuses a single registered Router and listens on the same port).
     */
    @Bean
    public CamelContextConfiguration platformHttpServer(Vertx vertx, GatewayProperties gateway) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext context) {
                VertxPlatformHttpServerConfiguration conf = new VertxPlatformHttpServerConfiguration();
                conf.setBindHost("0.0.0.0");
                conf.setBindPort(gateway.port());
                conf.setMaxBodySize(MAX_BODY_BYTES);
                VertxPlatformHttpServer server = new VertxPlatformHttpServer(conf);
                server.setVertx(vertx);
                try {
                    context.addService(server, true, true);
                } catch (Exception e) {
                    throw new IllegalStateException("Cannot start the HTTP server on port " + gateway.port(), e);
                }
            }

            @Override
            public void afterApplicationStart(CamelContext context) {
                // nothing to do once routes run
            }
        };
    }
}
