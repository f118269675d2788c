package io.voicegateway.nova;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClientBuilder;

/**
 * Builds the Bedrock Runtime client Nova Sonic needs: Netty over HTTP/2 (the bidirectional stream is HTTP/2 only,
 * DESIGN §7), {@code maxConcurrency} streams, and credentials from the standard AWS chain plus the lower-case
 * {@code aws_access_key_id}/{@code aws_secret_access_key}/{@code aws_session_token} variables. A loopback
 * {@code endpointOverride} (the local emulator) gets static dummy credentials instead.
 */
public final class NovaClientFactory {

    /** Longer than Bedrock's 8-minute stream cap: a caller may stay silent and Nova then sends nothing. */
    static final Duration READ_TIMEOUT = Duration.ofMinutes(9);

    private NovaClientFactory() {
    }

    /** A new client; the caller owns it and must close it. */
    public static BedrockRuntimeAsyncClient create(String region, String endpointOverride, int maxConcurrency) {
        return create(region, endpointOverride, maxConcurrency, null);
    }

    /**
     * A new client on the given event loops (the caller closes them after the client); null for the SDK's own.
     */
    public static BedrockRuntimeAsyncClient create(String region, String endpointOverride, int maxConcurrency,
            SdkEventLoopGroup eventLoops) {
        NettyNioAsyncHttpClient.Builder http = NettyNioAsyncHttpClient.builder()
                .protocol(Protocol.HTTP2)
                .maxConcurrency(maxConcurrency)
                .readTimeout(READ_TIMEOUT)
                .writeTimeout(Duration.ofSeconds(30));
        if (eventLoops != null) {
            http.eventLoopGroup(eventLoops);
        }
        BedrockRuntimeAsyncClientBuilder builder = BedrockRuntimeAsyncClient.builder()
                .region(Region.of(region))
                // the SDK must not retry: a retried bidirectional stream re-subscribes to a one-shot input publisher;
                // sessions retry opening themselves, with fresh streams and backoff
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .httpClientBuilder(http);
        boolean override = endpointOverride != null && !endpointOverride.isBlank();
        if (override) {
            builder.endpointOverride(URI.create(endpointOverride));
        }
        builder.credentialsProvider(override && isLoopback(endpointOverride)
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create("emulator", "emulator"))
                : credentials());
        return builder.build();
    }

    /** The standard chain, then the lower-case environment names some deployments use. */
    public static AwsCredentialsProvider credentials() {
        return AwsCredentialsProviderChain.builder()
                .reuseLastProviderEnabled(true)
                .credentialsProviders(DefaultCredentialsProvider.builder().build(), NovaClientFactory::lowerCaseEnv)
                .build();
    }

    /** True when AWS credentials can be found (used by live tests to skip themselves). */
    public static boolean credentialsAvailable() {
        try {
            credentials().resolveCredentials();
            return true;
        } catch (SdkClientException e) {
            return false;
        }
    }

    private static AwsCredentials lowerCaseEnv() {
        String key = System.getenv("aws_access_key_id");
        String secret = System.getenv("aws_secret_access_key");
        String token = System.getenv("aws_session_token");
        if (key == null || key.isBlank() || secret == null || secret.isBlank()) {
            throw SdkClientException.create("aws_access_key_id / aws_secret_access_key are not set");
        }
        return token == null || token.isBlank()
                ? AwsBasicCredentials.create(key, secret)
                : AwsSessionCredentials.create(key, secret, token);
    }

    static boolean isLoopback(String endpoint) {
        String host = URI.create(endpoint).getHost();
        return "127.0.0.1".equals(host) || "localhost".equals(host) || "::1".equals(host) || "[::1]".equals(host);
    }
}
