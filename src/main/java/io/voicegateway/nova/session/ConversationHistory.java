package io.voicegateway.nova.session;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The conversation so far as text, to seed a renewed or reopened session. Follows AWS's session-continuation
 * sample: consecutive messages of one role are merged, at most {@value #MAX_MESSAGES} messages of at most
 * {@value #MAX_BYTES} bytes each are kept, and the history handed out starts with a USER message. Thread-safe.
 */
final class ConversationHistory {

    static final int MAX_MESSAGES = 40;
    static final int MAX_BYTES = 1024;

    /** One history message: role USER or ASSISTANT. */
    record Message(String role, String text) {
    }

    private final List<Message> messages = new ArrayList<>();

    synchronized void add(String role, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        int last = messages.size() - 1;
        if (last >= 0 && messages.get(last).role().equals(role)) {
            messages.set(last, new Message(role, messages.get(last).text() + " " + text.trim()));
        } else {
            messages.add(new Message(role, text.trim()));
        }
        if (messages.size() > MAX_MESSAGES * 2) {
            messages.subList(0, messages.size() - MAX_MESSAGES).clear();
        }
    }

    /** The newest messages within the limits, starting with USER. */
    synchronized List<Message> snapshot() {
        List<Message> out = new ArrayList<>();
        int from = Math.max(0, messages.size() - MAX_MESSAGES);
        for (Message m : messages.subList(from, messages.size())) {
            out.add(new Message(m.role(), truncate(m.text())));
        }
        while (!out.isEmpty() && !"USER".equals(out.get(0).role())) {
            out.remove(0);
        }
        return out;
    }

    /** Keeps the end of an over-long message (the latest words matter most), cut on a UTF-8 boundary. */
    static String truncate(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_BYTES) {
            return text;
        }
        int start = bytes.length - MAX_BYTES;
        while (start < bytes.length && (bytes[start] & 0xC0) == 0x80) {
            start++;
        }
        return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    }
}
