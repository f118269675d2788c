package io.voicegateway.dtmf;

/**
 * The keys a caller typed, collected until the entry is complete: '#' ends it at once, a pause ends it when the
 * owner says so ({@link #take()}). Gives the text the model receives, e.g. "caller pressed 1234". Thread-safe.
 */
final class DtmfEntry {

    static final String END_KEY = "#";

    private final StringBuilder keys = new StringBuilder();

    /** Adds a key; returns the finished entry's text when the key was '#', else null. */
    synchronized String add(String key) {
        if (END_KEY.equals(key)) {
            String text = take();
            return text != null ? text : text(END_KEY);
        }
        keys.append(key);
        return null;
    }

    /** The entry's text, and starts a new entry; null when no key was typed. */
    synchronized String take() {
        if (keys.isEmpty()) {
            return null;
        }
        String text = text(keys.toString());
        keys.setLength(0);
        return text;
    }

    static String text(String keys) {
        return "caller pressed " + keys;
    }
}
