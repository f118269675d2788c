package io.voicegateway.nova;

import io.voicegateway.nova.session.NovaSessions;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/**
 * A {@code nova-sonic:label} endpoint. Producer side: uses the component's shared {@link NovaSessions} or builds its
 * own over the configured client (building, and later closing, a client only when none was given). Consumer side:
 * receives the events of every session of the component.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "nova-sonic", title = "Amazon Nova Sonic", syntax = "nova-sonic:label",
        category = {Category.AI, Category.CLOUD}, headersClass = NovaSonicConstants.class)
public class NovaSonicEndpoint extends DefaultEndpoint {

    @UriPath(description = "A name for the endpoint, e.g. session (producer) or events (consumer)")
    @Metadata(required = true)
    private final String label;
    @UriParam
    private final NovaSonicConfiguration configuration;
    private BedrockRuntimeAsyncClient builtClient;
    private NovaSessions builtSessions;

    public NovaSonicEndpoint(String uri, NovaSonicComponent component, String label,
            NovaSonicConfiguration configuration) {
        super(uri, component);
        this.label = label;
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        return new NovaSonicProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        NovaSonicConsumer consumer = new NovaSonicConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public NovaSonicComponent getComponent() {
        return (NovaSonicComponent) super.getComponent();
    }

    public NovaSonicConfiguration getConfiguration() {
        return configuration;
    }

    public String getLabel() {
        return label;
    }

    /** The sessions producers of this endpoint use: the component's, else built on first use. */
    synchronized NovaSessions sessions() {
        NovaSessions shared = getComponent().getSessions();
        if (shared != null) {
            return shared;
        }
        if (builtSessions == null) {
            BedrockRuntimeAsyncClient client = configuration.getBedrockClient();
            if (client == null) {
                builtClient = NovaClientFactory.create(configuration.getRegion(),
                        configuration.getEndpointOverride(), configuration.getMaxConcurrency());
                client = builtClient;
            }
            builtSessions = new NovaSessions(client, configuration.toSettings());
        }
        return builtSessions;
    }

    NovaEventDispatcher dispatcher() {
        return getComponent().dispatcher();
    }

    @Override
    protected synchronized void doStop() throws Exception {
        if (builtSessions != null) {
            builtSessions.close();
            builtSessions = null;
        }
        if (builtClient != null) {
            builtClient.close();
            builtClient = null;
        }
        super.doStop();
    }
}
