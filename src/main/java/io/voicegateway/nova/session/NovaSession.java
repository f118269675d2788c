package io.voicegateway.nova.session;

import io.voicegateway.nova.NovaError;
import io.voicegateway.nova.NovaEvent;
import io.voicegateway.nova.codec.OutputEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's conversation with Nova Sonic, across as many streams as it needs: the first one (retried with backoff
 * while opening fails), a replacement when a stream breaks mid-call (once, seeded with the conversation as text
 * history and the caller's unanswered audio), and renewals before Bedrock's 8-minute cap ({@link Renewal}).
 * State changes run on the call's {@link SerialExecutor}, which also delivers events in order; only
 * {@link #sendAudio} runs on the caller's thread, and it only queues.
 */
final class NovaSession implements NovaStream.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(NovaSession.class);
    /** Caller audio kept for replay into a new stream: what the old one may not have answered yet. */
    static final int REPLAY_SECONDS = 3;

    private final String callId;
    private final SessionOptions options;
    private final SessionContext context;
    private final NovaEventListener listener;
    private final Runnable onEnded;
    private final SerialExecutor serial;
    private final ConversationHistory history = new ConversationHistory();
    private final AudioReplayBuffer replay;
    private final Renewal renewal;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile NovaStream active;
    private NovaEventMapper mapper;
    private int openAttempt;
    private boolean reopened;
    private boolean closed;
    private boolean greeted;
    /** Open tool calls: the stream each came from (a result only makes sense on that stream). */
    private final java.util.Map<String, NovaStream> toolCalls = new java.util.HashMap<>();
    private ScheduledFuture<?> retry;

    NovaSession(String callId, SessionOptions options, SessionContext context, NovaEventListener listener,
            Runnable onEnded) {
        this.callId = callId;
        this.options = options;
        this.context = context;
        this.listener = listener;
        this.onEnded = onEnded;
        this.serial = new SerialExecutor(context.pool());
        this.replay = new AudioReplayBuffer(context.settings().inputSampleRate(), REPLAY_SECONDS);
        this.renewal = new Renewal(this, context);
    }

    void open() {
        serial.execute(() -> startActive(false));
    }

    /** Hot path: queue the frame on the active stream, keep it for replay. Never blocks. */
    void sendAudio(short[] frame) {
        replay.add(frame);
        NovaStream stream = active;
        if (stream != null && !stream.sendAudio(frame) && stream.inputFull()) {
            context.observer().inputDropped(callId); // a stalled model stream: drop, never queue without limit
        }
    }

    void sendText(String text) {
        if (!context.settings().acceptsTextInput()) {
            LOG.warn("call {}: caller text not sent: {} takes no text mid-session (Nova 2 Sonic does)", callId,
                    context.settings().modelId());
            return;
        }
        serial.execute(() -> {
            if (active != null) {
                active.sendText(text);
            }
        });
    }

    /** Answers the model's tool call on the stream that asked for it; dropped (logged) when that stream is gone. */
    void sendToolResult(String toolUseId, String content) {
        serial.execute(() -> {
            NovaStream stream = toolCalls.remove(toolUseId);
            if (stream == null || stream != active || closed) {
                LOG.warn("call {}: result of tool call {} dropped: {}", callId, toolUseId,
                        stream == null ? "no such open tool call" : "its Nova stream has ended");
                return;
            }
            stream.sendToolResult(toolUseId, content);
        });
    }

    /** Closes every stream of the call; completes after SessionClosed was delivered. */
    CompletableFuture<Void> close(String reason) {
        serial.execute(() -> end(null, null, reason));
        return ended;
    }

    String callId() {
        return callId;
    }

    // --- stream lifecycle, all on the serial executor ---

    private void startActive(boolean withHistory) {
        openAttempt++;
        NovaStream stream = newStream();
        if (withHistory) {
            stream.sendHistory(history.snapshot());
        }
        stream.startAudio();
        replay.snapshot().forEach(stream::sendAudio);
        mapper = new NovaEventMapper(context.settings().outputSampleRate(), history);
        active = stream;
    }

    /** A stream with sessionStart, promptStart and the SYSTEM prompt sent; the caller adds history and audio. */
    NovaStream newStream() {
        return NovaStream.start(context.client(), context.settings(), options, callId, context.writer(),
                context.parser(), this);
    }

    /** Makes {@code next} (history, audio and replay already sent) the active stream and closes the old one. */
    void switchTo(NovaStream next) {
        NovaStream old = active;
        mapper = new NovaEventMapper(context.settings().outputSampleRate(), history);
        active = next;
        if (old != null) {
            old.close();
            context.observer().renewed(callId);
        }
    }

    AudioReplayBuffer replay() {
        return replay;
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void opened(NovaStream stream) {
        serial.execute(() -> {
            if (stream == active && !closed) {
                openAttempt = 0;
                LOG.info("call {}: Nova stream open", callId);
                context.observer().opened(callId);
                renewal.streamOpened(stream);
                if (!greeted && options.greeting() != null) {
                    greeted = true; // once per call: a renewed or reopened stream continues the conversation
                    if (context.settings().acceptsTextInput()) {
                        stream.sendText(options.greeting());
                    } else {
                        LOG.warn("call {}: greeting not sent: {} takes no text mid-session", callId,
                                context.settings().modelId());
                    }
                }
            }
        });
    }

    @Override
    public void output(NovaStream stream, OutputEvent event) {
        serial.execute(() -> {
            if (stream != active || closed) {
                return;
            }
            for (NovaEvent novaEvent : mapper.map(event)) {
                if (novaEvent instanceof NovaEvent.ToolUse tool && tool.toolUseId() != null) {
                    toolCalls.put(tool.toolUseId(), stream);
                }
                deliver(novaEvent);
                if (novaEvent instanceof NovaEvent.TurnEnded) {
                    reopened = false;
                    replay.clear();
                }
            }
            // A result must go to the stream that asked for it: no hand-over while a tool call is open (the
            // renewal's grace timer still forces one before Bedrock's cap).
            if (mapper.takeTurnBoundary() && toolCalls.isEmpty()) {
                renewal.turnEnded();
            }
        });
    }

    @Override
    public void failed(NovaStream stream, Throwable error) {
        serial.execute(() -> streamFailed(stream, error));
    }

    @Override
    public void completed(NovaStream stream) {
        serial.execute(() -> {
            if (stream == active && !closed) {
                streamFailed(stream, new IllegalStateException("Nova ended the stream (stream was terminated)"));
            }
        });
    }

    private void streamFailed(NovaStream stream, Throwable error) {
        renewal.streamFailed(stream);
        if (stream != active || closed) {
            return;
        }
        NovaError type = NovaErrors.classify(error);
        String message = NovaErrors.describe(error);
        if (!stream.opened() && type.retryOnOpen() && openAttempt < context.settings().openAttempts()) {
            long delay = context.settings().openBackoff().toMillis() << (openAttempt - 1);
            LOG.warn("call {}: opening Nova failed ({}), attempt {} of {}, retrying in {} ms", callId, type,
                    openAttempt, context.settings().openAttempts(), delay);
            active = null;
            retry = context.timer().schedule(() -> serial.execute(() -> {
                if (!closed) {
                    startActive(true);
                }
            }), delay, TimeUnit.MILLISECONDS);
            return;
        }
        if (stream.opened() && type.reopenMidCall() && !reopened) {
            LOG.warn("call {}: Nova stream broke mid-call ({}), reopening it with the conversation", callId, type);
            reopened = true;
            openAttempt = 0;
            context.observer().reopened(callId, type);
            startActive(true);
            return;
        }
        LOG.warn("call {}: Nova session failed: {} {}", callId, type, message);
        context.observer().failed(callId, type);
        end(type, message, type.name().toLowerCase(java.util.Locale.ROOT));
    }

    private void end(NovaError error, String message, String reason) {
        if (closed) {
            return;
        }
        closed = true;
        if (retry != null) {
            retry.cancel(false);
        }
        if (error != null) {
            deliver(new NovaEvent.SessionError(error, message));
        }
        NovaStream stream = active;
        active = null;
        CompletableFuture<Void> streamsClosed = CompletableFuture.allOf(
                stream == null ? CompletableFuture.completedFuture(null) : stream.close(), renewal.cancel());
        streamsClosed.whenComplete((ok, e) -> serial.execute(() -> {
            deliver(new NovaEvent.SessionClosed(reason));
            onEnded.run();
            LOG.info("call {}: Nova session closed ({})", callId, reason);
            ended.complete(null);
        }));
    }

    private void deliver(NovaEvent event) {
        try {
            listener.onEvent(callId, event);
        } catch (RuntimeException e) {
            LOG.warn("call {}: the Nova event listener failed on {}: {}", callId, event.type(), e.toString());
        }
    }

    /** Renewal deadline of a stream opened now. */
    Duration renewAfter() {
        return context.settings().renewAfter();
    }

    /** Runs a task on this call's serial executor. */
    void onSerial(Runnable task) {
        serial.execute(task);
    }

    List<ConversationHistory.Message> historySnapshot() {
        return history.snapshot();
    }
}
