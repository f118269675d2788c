package io.voicegateway.tools;

/** Headers of the exchange a tool call sends to its endpoint (the body is the tool's input JSON). */
public final class ToolHeaders {

    /** {@code String}: the gateway's call id of the call whose model asked for the tool. */
    public static final String CALL_ID = "CallId";
    /** {@code String}: the tool's name as declared in tools.definitions. */
    public static final String TOOL_NAME = "ToolName";
    /** {@code String}: Nova's id of this tool call (ties the result to the request). */
    public static final String TOOL_USE_ID = "ToolUseId";

    private ToolHeaders() {
    }
}
