package io.voicegateway.call;

import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;

/**
 * The {@code privacy.*} settings: what call records keep of what callers said and typed.
 *
 * @param transcriptRetention empty: the transcript lives as long as the record; {@code none}: never stored;
 *                            a duration ({@code 1h}, {@code 30m}): dropped that long after the call ended
 * @param storeDtmf           false: key presses still reach the routes but are not kept in the record
 */
@ConfigurationProperties(prefix = "privacy")
public record PrivacyProperties(String transcriptRetention, @DefaultValue("true") boolean storeDtmf) {

    /** Keep everything as long as the record: what a local run and the tests use by default. */
    public static final CallPrivacy KEEP_ALL = new CallPrivacy(null, true);

    public CallPrivacy policy() {
        return new CallPrivacy(retention(), storeDtmf);
    }

    private Duration retention() {
        String value = transcriptRetention == null ? "" : transcriptRetention.trim().toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            return null;
        }
        if (value.equals("none")) {
            return Duration.ZERO;
        }
        try {
            Duration d = DurationStyle.detectAndParse(value);
            if (d.isNegative()) {
                throw new IllegalArgumentException("negative");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("TRANSCRIPT_RETENTION must be empty, 'none' or a duration such as 1h,"
                    + " got '" + transcriptRetention + "'", e);
        }
    }

    /**
     * What a {@link Call} keeps.
     *
     * @param transcriptRetention null: as long as the record; zero: nothing; else that long after the end
     */
    public record CallPrivacy(Duration transcriptRetention, boolean storeDtmf) {

        boolean storesTranscript() {
            return transcriptRetention == null || !transcriptRetention.isZero();
        }
    }
}
