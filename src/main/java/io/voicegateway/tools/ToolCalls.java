package io.voicegateway.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the model's tool calls: each becomes a request to the tool's endpoint, started without waiting (the
 * caller's audio and the model's speech go on meanwhile, and several calls may be open at once); its reply, or a
 * timeout or failure turned into an error the model can talk about, goes back as the tool result. Every call gets
 * exactly one result. Thread-safe.
 */
public final class ToolCalls {

    private static final Logger LOG = LoggerFactory.getLogger(ToolCalls.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Sends a request to an endpoint without blocking; the future completes with the reply body. */
    public interface Invoker {
        CompletableFuture<Object> request(String endpoint, String body, Map<String, Object> headers);
    }

    /** Where results go: the call's model session. */
    public interface ResultSink {
        void result(String callId, String toolUseId, String content);
    }

    /** Told how each call ended: outcome ok | error | timeout | unknown_tool. */
    public interface Observer {
        Observer NONE = (callId, tool, outcome, nanos) -> { };

        void finished(String callId, String tool, String outcome, long nanos);
    }

    private final ToolCatalog catalog;
    private final Invoker invoker;
    private final ResultSink sink;
    private final Observer observer;

    public ToolCalls(ToolCatalog catalog, Invoker invoker, ResultSink sink, Observer observer) {
        this.catalog = catalog;
        this.invoker = invoker;
        this.sink = sink;
        this.observer = observer;
    }

    /** Starts the call and returns at once; the result is sent when the endpoint answers or the timeout passes. */
    public void call(String callId, String toolName, String toolUseId, String input) {
        long started = System.nanoTime();
        ToolCatalog.Tool tool = catalog.find(toolName).orElse(null);
        if (tool == null) {
            LOG.warn("Call {}: model asked for unknown tool '{}'", callId, toolName);
            finish(callId, toolName, toolUseId, "unknown_tool", error("unknown_tool", "There is no tool named '"
                    + toolName + "'"), started);
            return;
        }
        LOG.info("Call {}: tool {} called (id {})", callId, toolName, toolUseId);
        Map<String, Object> headers = Map.of(ToolHeaders.CALL_ID, callId, ToolHeaders.TOOL_NAME, toolName,
                ToolHeaders.TOOL_USE_ID, toolUseId);
        CompletableFuture<Object> reply;
        try {
            reply = invoker.request(tool.endpoint(), input == null || input.isBlank() ? "{}" : input, headers);
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        reply.orTimeout(tool.timeout().toMillis(), TimeUnit.MILLISECONDS).whenComplete((body, failure) -> {
            if (failure == null) {
                finish(callId, toolName, toolUseId, "ok", content(body), started);
            } else if (cause(failure) instanceof TimeoutException) {
                LOG.warn("Call {}: tool {} gave no answer within {}", callId, toolName, tool.timeout());
                finish(callId, toolName, toolUseId, "timeout", error("timeout", "The " + toolName
                        + " tool did not answer within " + tool.timeout().toSeconds() + " seconds"), started);
            } else {
                Throwable cause = cause(failure);
                LOG.warn("Call {}: tool {} failed: {}", callId, toolName, cause.toString());
                finish(callId, toolName, toolUseId, "error", error("failed", "The " + toolName + " tool failed: "
                        + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage())),
                        started);
            }
        });
    }

    private void finish(String callId, String tool, String toolUseId, String outcome, String content, long started) {
        try {
            sink.result(callId, toolUseId, content);
        } finally {
            observer.finished(callId, tool, outcome, System.nanoTime() - started);
        }
    }

    /** A JSON reply goes as it is; anything else is wrapped as {@code {"result": "<text>"}}. */
    static String content(Object body) {
        String text = body == null ? "" : body instanceof byte[] bytes
                ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : body.toString();
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node != null && (node.isObject() || node.isArray())) {
                return text;
            }
        } catch (JsonProcessingException e) {
            // not JSON: wrapped below
        }
        return MAPPER.createObjectNode().put("result", text).toString();
    }

    static String error(String code, String message) {
        return MAPPER.createObjectNode().put("error", code).put("message", message).toString();
    }

    private static Throwable cause(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException
                || t instanceof org.apache.camel.CamelExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
