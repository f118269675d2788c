package io.voicegateway.nova.codec;

/**
 * One tool offered to the model in {@code promptStart.toolConfiguration.tools[].toolSpec}. Nova wants the input
 * schema as a JSON document inside a string ({@code inputSchema.json}), as AWS's tool-use samples send it
 * (aws-samples/amazon-nova-samples, speech-to-speech/amazon-nova-2-sonic/sample-codes/console-python/nova_sonic_tool_use.py).
 */
public record ToolSpec(String name, String description, String inputSchemaJson) {
}
