package io.voicegateway.nova;

import io.voicegateway.nova.session.NovaSessions;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code nova-sonic:} component: Amazon Nova Sonic speech-to-speech sessions. Producers drive sessions
 * ({@link NovaSonicConstants#OPERATION}); consumers ({@code from: nova-sonic:events}) receive every session's
 * events. Sessions come from an injected {@link NovaSessions}, or from one each producer endpoint builds.
 */
@Component("nova-sonic")
public class NovaSonicComponent extends DefaultComponent {

    @Metadata
    private NovaSonicConfiguration configuration = new NovaSonicConfiguration();
    @Metadata(label = "advanced", autowired = true, description = "Sessions shared by every endpoint; the"
            + " component never closes them.")
    private NovaSessions sessions;
    private final NovaEventDispatcher dispatcher = new NovaEventDispatcher();

    public NovaSonicComponent() {
    }

    public NovaSonicComponent(CamelContext context) {
        super(context);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        NovaSonicConfiguration endpointConfiguration = configuration.copy();
        // options live on the configuration (as in camel-aws-bedrock); bind them there, the rest on the endpoint
        setProperties(endpointConfiguration, parameters);
        NovaSonicEndpoint endpoint = new NovaSonicEndpoint(uri, this, remaining, endpointConfiguration);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public NovaSonicConfiguration getConfiguration() {
        return configuration;
    }

    /** The defaults every endpoint copies. */
    public void setConfiguration(NovaSonicConfiguration configuration) {
        this.configuration = configuration;
    }

    public NovaSessions getSessions() {
        return sessions;
    }

    public void setSessions(NovaSessions sessions) {
        this.sessions = sessions;
    }

    NovaEventDispatcher dispatcher() {
        return dispatcher;
    }
}
