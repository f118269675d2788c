package io.voicegateway.nova.session;

import io.voicegateway.nova.codec.InputEventWriter;
import io.voicegateway.nova.codec.OutputEventParser;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/** What every session shares: the client, settings, codec, a timer and the pool events are delivered on. */
record SessionContext(BedrockRuntimeAsyncClient client, NovaSettings settings, InputEventWriter writer,
        OutputEventParser parser, ScheduledExecutorService timer, Executor pool) {
}
