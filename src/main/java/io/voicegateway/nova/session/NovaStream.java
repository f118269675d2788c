package io.voicegateway.nova.session;

import io.voicegateway.nova.codec.InputEvent;
import io.voicegateway.nova.codec.InputEventWriter;
import io.voicegateway.nova.codec.NovaCodecException;
import io.voicegateway.nova.codec.OutputEvent;
import io.voicegateway.nova.codec.OutputEventParser;
import io.voicegateway.nova.codec.Pcm16;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithBidirectionalStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithBidirectionalStreamResponseHandler;

/**
 * One {@code InvokeModelWithBidirectionalStream} call: sends the input sequence of DESIGN §7 through an
 * {@link InputPublisher} and reports output, opening, failure and completion to a {@link Listener} (exactly one of
 * failed/completed per stream). Sending never blocks. A session uses one stream at a time, two while renewing.
 */
final class NovaStream {

    private static final Logger LOG = LoggerFactory.getLogger(NovaStream.class);

    /** Callbacks, on SDK threads. */
    interface Listener {
        void opened(NovaStream stream);

        void output(NovaStream stream, OutputEvent event);

        void failed(NovaStream stream, Throwable error);

        void completed(NovaStream stream);
    }

    private final String callId;
    private final NovaSettings settings;
    private final InputEventWriter writer;
    private final InputPublisher input = new InputPublisher();
    private final String promptName = UUID.randomUUID().toString();
    private final String audioContentName = UUID.randomUUID().toString();
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile boolean opened;
    private volatile boolean audioStarted;
    private CompletableFuture<Void> call;

    private NovaStream(String callId, NovaSettings settings, InputEventWriter writer) {
        this.callId = callId;
        this.settings = settings;
        this.writer = writer;
    }

    /** Starts the call and sends sessionStart, promptStart and the SYSTEM prompt. */
    static NovaStream start(BedrockRuntimeAsyncClient client, NovaSettings settings, SessionOptions options,
            String callId, InputEventWriter writer, OutputEventParser parser, Listener listener) {
        NovaStream stream = new NovaStream(callId, settings, writer);
        stream.send(new InputEvent.SessionStart(settings.maxTokens(), settings.topP(), settings.temperature(),
                settings.endpointingSensitivity()));
        stream.send(new InputEvent.PromptStart(stream.promptName, settings.outputSampleRate(), options.voiceId(),
                options.tools()));
        stream.textBlock("SYSTEM", false, options.systemPrompt());
        stream.call = client.invokeModelWithBidirectionalStream(
                InvokeModelWithBidirectionalStreamRequest.builder().modelId(settings.modelId()).build(),
                stream.input, stream.handler(parser, listener));
        stream.call.whenComplete((ok, error) -> stream.finish(listener, error));
        return stream;
    }

    private InvokeModelWithBidirectionalStreamResponseHandler handler(OutputEventParser parser, Listener listener) {
        return InvokeModelWithBidirectionalStreamResponseHandler.builder()
                .onResponse(response -> {
                    opened = true;
                    listener.opened(this);
                })
                .subscriber(InvokeModelWithBidirectionalStreamResponseHandler.Visitor.builder()
                        .onChunk(part -> parse(parser, part.bytes().asUtf8String()).ifPresent(
                                event -> listener.output(this, event)))
                        .build())
                .onError(error -> finish(listener, error))
                .build();
    }

    private java.util.Optional<OutputEvent> parse(OutputEventParser parser, String json) {
        try {
            return java.util.Optional.of(parser.parse(json));
        } catch (NovaCodecException e) {
            LOG.warn("call {}: skipping an unreadable Nova event: {}", callId, e.getMessage());
            return java.util.Optional.empty();
        }
    }

    private void finish(Listener listener, Throwable error) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        input.complete();
        if (error == null) {
            listener.completed(this);
        } else {
            listener.failed(this, error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                    ? error.getCause() : error);
        }
    }

    /** Replays the conversation as TEXT blocks; must come before {@link #startAudio()}. */
    void sendHistory(List<ConversationHistory.Message> history) {
        history.forEach(m -> textBlock(m.role(), false, m.text()));
    }

    /** Opens the caller's audio block, which stays open for the life of the stream. */
    void startAudio() {
        send(new InputEvent.AudioContentStart(promptName, audioContentName, settings.inputSampleRate()));
        audioStarted = true;
    }

    /** Queues one frame of caller audio; false when the stream no longer takes input. */
    boolean sendAudio(short[] frame) {
        return audioStarted && input.offer(writer.toJson(
                new InputEvent.AudioInput(promptName, audioContentName, Pcm16.toBase64(frame))));
    }

    /** True when the SDK has stopped taking input fast enough and the input queue is full. */
    boolean inputFull() {
        return input.full();
    }

    /** Sends text typed by the caller mid-call (an interactive USER text block, Nova 2 cross-modal input). */
    synchronized void sendText(String text) {
        textBlock("USER", true, text);
    }

    /**
     * Answers the model's tool call {@code toolUseId}: a TOOL block (contentStart, toolResult, contentEnd) that
     * may interleave with the open audio block, as in AWS's tool-use samples.
     */
    synchronized void sendToolResult(String toolUseId, String content) {
        String contentName = UUID.randomUUID().toString();
        send(new InputEvent.ToolResultContentStart(promptName, contentName, toolUseId));
        send(new InputEvent.ToolResult(promptName, contentName, content));
        send(new InputEvent.ContentEnd(promptName, contentName));
    }

    /**
     * Ends the input (contentEnd, promptEnd, sessionEnd) and waits, without blocking, for Nova to finish the
     * response; after the close timeout the call is cancelled so no future and no HTTP/2 stream is left behind.
     */
    CompletableFuture<Void> close() {
        if (!finished.get()) {
            if (audioStarted) {
                send(new InputEvent.ContentEnd(promptName, audioContentName));
            }
            send(new InputEvent.PromptEnd(promptName));
            send(new InputEvent.SessionEnd());
        }
        input.complete();
        return call.handle((ok, error) -> (Void) null)
                .orTimeout(settings.closeTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(timeout -> {
                    LOG.warn("call {}: Nova stream did not finish within {}; cancelling it", callId,
                            settings.closeTimeout());
                    abort();
                    return null;
                });
    }

    /** Drops the stream at once (no closing events). */
    void abort() {
        input.complete();
        call.cancel(true);
    }

    /** True once Nova answered the request (HTTP 200): the stream is established. */
    boolean opened() {
        return opened;
    }

    private synchronized void textBlock(String role, boolean interactive, String text) {
        String contentName = UUID.randomUUID().toString();
        send(new InputEvent.TextContentStart(promptName, contentName, role, interactive));
        send(new InputEvent.TextInput(promptName, contentName, text));
        send(new InputEvent.ContentEnd(promptName, contentName));
    }

    private void send(InputEvent event) {
        if (!input.offer(writer.toJson(event))) {
            LOG.debug("call {}: Nova stream no longer takes input, dropped {}", callId, event.name());
        }
    }
}
