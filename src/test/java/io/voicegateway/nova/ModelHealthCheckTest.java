package io.voicegateway.nova;

import static org.assertj.core.api.Assertions.assertThat;

import io.voicegateway.GatewayTestSupport;
import io.voicegateway.server.HealthCheck;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/** The model check fails for real: a closed emulator port, or AWS credentials that do not resolve. */
class ModelHealthCheckTest {

    private static final AwsCredentialsProvider NO_CREDENTIALS = () -> {
        throw SdkClientException.create("Unable to load credentials from any of the providers in the chain");
    };
    private static final AwsCredentialsProvider SOME_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));

    @Test
    void aLocalEndpointThatAcceptsConnectionsIsUp() throws Exception {
        try (ServerSocket emulator = new ServerSocket(0)) {
            HealthCheck.Result result = new ModelHealthCheck("http://localhost:" + emulator.getLocalPort(),
                    NO_CREDENTIALS).check();
            assertThat(result.up()).isTrue();
        }
    }

    @Test
    void aLocalEndpointWithNothingListeningIsDownNamingTheAddress() {
        int port = GatewayTestSupport.freePort();
        HealthCheck.Result result = new ModelHealthCheck("http://localhost:" + port, SOME_CREDENTIALS).check();
        assertThat(result.up()).isFalse();
        assertThat(result.detail()).contains("localhost:" + port);
    }

    @Test
    void towardsAwsCredentialsThatDoNotResolveAreDown() {
        HealthCheck.Result result = new ModelHealthCheck(null, NO_CREDENTIALS).check();
        assertThat(result.up()).isFalse();
        assertThat(result.detail()).contains("credentials");
    }

    @Test
    void towardsAwsResolvableCredentialsAreUpWithoutNamingThem() {
        HealthCheck.Result result = new ModelHealthCheck(null, SOME_CREDENTIALS).check();
        assertThat(result.up()).isTrue();
        assertThat(result.detail()).doesNotContain("AKIDEXAMPLE").doesNotContain("secret");
    }
}
