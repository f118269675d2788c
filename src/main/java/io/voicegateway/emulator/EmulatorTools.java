package io.voicegateway.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the emulator decides to call a tool, since it cannot understand speech: caller text (typed, the greeting,
 * or DTMF forwarded as text) that names an offered tool ({@code current_time} or {@code current time}), or
 * "caller pressed N" where N is the tool's position (1 = the first tool offered). A JSON object in the text is
 * the tool's input ({@code lookup_order {"order_id":"42"}}); otherwise the input is {@code {}}.
 */
final class EmulatorTools {

    private static final Pattern PRESSED = Pattern.compile("caller pressed (\\d+)", Pattern.CASE_INSENSITIVE);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EmulatorTools() {
    }

    /** The tool the text asks for, or null. */
    static String match(String text, List<String> tools) {
        if (text == null || tools.isEmpty()) {
            return null;
        }
        Matcher pressed = PRESSED.matcher(text);
        if (pressed.find()) {
            String digits = pressed.group(1);
            int index = digits.length() > 2 ? -1 : Integer.parseInt(digits) - 1;
            return index >= 0 && index < tools.size() ? tools.get(index) : null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String tool : tools) {
            String name = tool.toLowerCase(Locale.ROOT);
            if (lower.contains(name) || lower.contains(name.replace('_', ' ').replace('-', ' '))) {
                return tool;
            }
        }
        return null;
    }

    /** The JSON object in the text (first '{' to last '}'), or {@code {}}. */
    static String input(String text) {
        int start = text.indexOf('{');
        int end = text.lastIndexOf('}');
        if (start >= 0 && end > start) {
            try {
                JsonNode node = MAPPER.readTree(text.substring(start, end + 1));
                if (node.isObject()) {
                    return node.toString();
                }
            } catch (java.io.IOException e) {
                // not JSON: no input
            }
        }
        return "{}";
    }
}
