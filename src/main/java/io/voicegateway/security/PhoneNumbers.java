package io.voicegateway.security;

/**
 * Phone numbers as INFO log lines may show them: country code's first digit and the last four, the rest
 * starred ({@code +14155554567} → {@code +1******4567}), enough to tell calls apart without recording who
 * called. The full number stays in the call record ({@code GET /calls/{id}}, behind an API key).
 */
public final class PhoneNumbers {

    private static final int KEEP_END = 4;
    /** At least this many characters are hidden, or the whole thing is. */
    private static final int MIN_HIDDEN = 4;

    private PhoneNumbers() {
    }

    public static String mask(String number) {
        if (number == null || number.isBlank()) {
            return "-";
        }
        String n = number.trim();
        int keepStart = n.startsWith("+") ? 2 : 0;
        if (n.length() < keepStart + KEEP_END + MIN_HIDDEN) {
            return "*".repeat(n.length()); // too short to show any of it safely (e.g. a short code)
        }
        return n.substring(0, keepStart) + "*".repeat(n.length() - keepStart - KEEP_END)
                + n.substring(n.length() - KEEP_END);
    }
}
