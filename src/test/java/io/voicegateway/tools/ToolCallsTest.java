package io.voicegateway.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Rule: every tool call gets exactly one result, sent when the endpoint answers (JSON as is, other text wrapped),
 * or an error result the model can speak about when it fails, takes too long or names no tool; calls never wait
 * for each other. No Camel: the endpoint is a scripted invoker.
 */
class ToolCallsTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, CompletableFuture<Object>> replies = new ConcurrentHashMap<>();
    private final List<String[]> requests = new CopyOnWriteArrayList<>();
    private final Map<String, String> results = new ConcurrentHashMap<>();
    private final List<String> outcomes = new CopyOnWriteArrayList<>();

    private ToolCalls toolCalls(Duration timeout) {
        ToolsProperties properties = new ToolsProperties(true, timeout, List.of(
                new ToolsProperties.Definition("slow_tool", "Takes its time", "{}", "direct:slow", null, true),
                new ToolsProperties.Definition("other_tool", "Another", "{}", "direct:other", null, true)),
                "http://x", null, Duration.ofSeconds(1), "UTC");
        ToolCalls.Invoker invoker = (endpoint, body, headers) -> {
            requests.add(new String[] {endpoint, body, (String) headers.get(ToolHeaders.CALL_ID),
                (String) headers.get(ToolHeaders.TOOL_NAME), (String) headers.get(ToolHeaders.TOOL_USE_ID)});
            return replies.computeIfAbsent(endpoint, e -> new CompletableFuture<>());
        };
        return new ToolCalls(new ToolCatalog(properties), invoker, (callId, id, content) -> results.put(id, content),
                (callId, tool, outcome, nanos) -> outcomes.add(tool + ":" + outcome));
    }

    private JsonNode result(String toolUseId) throws Exception {
        await().atMost(Duration.ofSeconds(5)).until(() -> results.containsKey(toolUseId));
        return mapper.readTree(results.get(toolUseId));
    }

    @Test
    void theEndpointGetsTheInputAndHeadersAndItsJsonReplyIsTheResult() throws Exception {
        ToolCalls calls = toolCalls(Duration.ofSeconds(5));
        calls.call("call-1", "slow_tool", "tu-1", "{\"order_id\":\"42\"}");

        assertThat(results).isEmpty(); // the call returned before the endpoint answered
        assertThat(requests).singleElement().satisfies(r ->
                assertThat(r).containsExactly("direct:slow", "{\"order_id\":\"42\"}", "call-1", "slow_tool", "tu-1"));
        replies.get("direct:slow").complete("{\"status\":\"shipped\"}");

        assertThat(result("tu-1").get("status").asText()).isEqualTo("shipped");
        assertThat(outcomes).containsExactly("slow_tool:ok");
    }

    @Test
    void aReplyThatIsNotJsonIsWrappedAsResultText() throws Exception {
        ToolCalls calls = toolCalls(Duration.ofSeconds(5));
        calls.call("call-1", "slow_tool", "tu-2", null);
        replies.get("direct:slow").complete("It is noon");

        assertThat(result("tu-2").get("result").asText()).isEqualTo("It is noon");
        assertThat(requests.get(0)[1]).isEqualTo("{}");
    }

    @Test
    void aFailingEndpointGivesAnErrorResultNamingTheTool() throws Exception {
        ToolCalls calls = toolCalls(Duration.ofSeconds(5));
        calls.call("call-1", "slow_tool", "tu-3", "{}");
        replies.get("direct:slow").completeExceptionally(
                new org.apache.camel.CamelExecutionException("boom", null, new IllegalStateException("HTTP 500")));

        JsonNode error = result("tu-3");
        assertThat(error.get("error").asText()).isEqualTo("failed");
        assertThat(error.get("message").asText()).contains("slow_tool").contains("HTTP 500");
        assertThat(outcomes).containsExactly("slow_tool:error");
    }

    @Test
    void anEndpointThatNeverAnswersGivesATimeoutResult() throws Exception {
        ToolCalls calls = toolCalls(Duration.ofMillis(200));
        calls.call("call-1", "slow_tool", "tu-4", "{}");

        JsonNode error = result("tu-4");
        assertThat(error.get("error").asText()).isEqualTo("timeout");
        assertThat(outcomes).containsExactly("slow_tool:timeout");
        replies.get("direct:slow").complete("{}"); // a late answer changes nothing
        assertThat(mapper.readTree(results.get("tu-4")).get("error").asText()).isEqualTo("timeout");
    }

    @Test
    void anUnknownToolIsAnsweredAtOnceWithoutCallingAnything() throws Exception {
        toolCalls(Duration.ofSeconds(5)).call("call-1", "make_coffee", "tu-5", "{}");

        assertThat(result("tu-5").get("error").asText()).isEqualTo("unknown_tool");
        assertThat(requests).isEmpty();
        assertThat(outcomes).containsExactly("make_coffee:unknown_tool");
    }

    @Test
    void twoCallsOpenAtOnceAreAnsweredInTheOrderTheirEndpointsReply() throws Exception {
        ToolCalls calls = toolCalls(Duration.ofSeconds(5));
        calls.call("call-1", "slow_tool", "tu-a", "{}");
        calls.call("call-1", "other_tool", "tu-b", "{}");
        assertThat(requests).hasSize(2);

        replies.get("direct:other").complete("{\"n\":2}");
        assertThat(result("tu-b").get("n").asInt()).isEqualTo(2);
        assertThat(results).doesNotContainKey("tu-a");
        replies.get("direct:slow").complete("{\"n\":1}");
        assertThat(result("tu-a").get("n").asInt()).isEqualTo(1);
    }
}
