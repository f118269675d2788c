package io.voicegateway.nova.session;

import io.voicegateway.nova.codec.InputEventWriter;
import io.voicegateway.nova.codec.OutputEventParser;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/** What every session shares: the client, settings, codec, a timer, the pool events are delivered on, an observer. */
record SessionContext(BedrockRuntimeAsyncClient client, NovaSettings settings, InputEventWriter writer,
        OutputEventParser parser, ScheduledExecutorService timer, Executor pool, NovaSessionObserver observer) {
}
