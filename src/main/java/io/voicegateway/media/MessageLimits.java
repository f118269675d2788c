package io.voicegateway.media;

import java.util.function.Consumer;

/**
 * Per-connection caps an {@link OrderedWebsocketComponent} applies to every server connection (see
 * {@link MessageGuard}); {@code violations} hears {@code oversize} or {@code flood} once per connection closed for it.
 */
public record MessageLimits(int maxMessageBytes, int maxMessagesPerSecond, Consumer<String> violations) {

    public MessageLimits {
        if (maxMessageBytes < 1 || maxMessagesPerSecond < 1) {
            throw new IllegalArgumentException("media.max-message-bytes and media.max-messages-per-second must be "
                    + "positive, got " + maxMessageBytes + " and " + maxMessagesPerSecond);
        }
    }
}
