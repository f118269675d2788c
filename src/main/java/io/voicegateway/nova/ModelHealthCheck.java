package io.voicegateway.nova;

import io.voicegateway.emulator.NovaEmulator;
import io.voicegateway.server.HealthCheck;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * /health check that the model can be reached: with an endpoint (the local emulator, or NOVA_ENDPOINT_OVERRIDE)
 * its port must accept a TCP connection; towards AWS (and any non-loopback endpoint) the credentials must
 * resolve through the default chain. No Bedrock call: that would cost money and a stream slot per probe.
 */
@Component
public class ModelHealthCheck implements HealthCheck {

    static final int CONNECT_TIMEOUT_MS = 1000;

    private final String endpoint;
    private final AwsCredentialsProvider credentials;

    @Autowired
    public ModelHealthCheck(NovaProperties nova, ObjectProvider<NovaEmulator> emulator) {
        this(endpoint(nova, emulator.getIfAvailable()), NovaClientFactory.credentials());
    }

    ModelHealthCheck(String endpoint, AwsCredentialsProvider credentials) {
        this.endpoint = endpoint;
        this.credentials = credentials;
    }

    /** The same choice as NovaConfiguration's client: the override, else the local emulator, else AWS (null). */
    private static String endpoint(NovaProperties nova, NovaEmulator emulator) {
        if (nova.hasEndpointOverride()) {
            return nova.endpointOverride();
        }
        return emulator != null ? emulator.endpoint().toString() : null;
    }

    @Override
    public String name() {
        return "model";
    }

    @Override
    public Result check() {
        if (endpoint != null) {
            String unreachable = unreachable(URI.create(endpoint));
            if (unreachable != null) {
                return Result.down(unreachable);
            }
            if (NovaClientFactory.isLoopback(endpoint)) {
                return Result.up(endpoint + " accepts connections");
            }
        }
        try {
            credentials.resolveCredentials();
        } catch (RuntimeException e) {
            return Result.down("AWS credentials cannot be resolved: " + e.getMessage());
        }
        return Result.up((endpoint != null ? endpoint : "AWS Bedrock") + ", credentials resolved");
    }

    private static String unreachable(URI uri) {
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), CONNECT_TIMEOUT_MS);
            return null;
        } catch (IOException e) {
            return uri.getHost() + ":" + port + " does not accept connections: " + e.getMessage();
        }
    }
}
