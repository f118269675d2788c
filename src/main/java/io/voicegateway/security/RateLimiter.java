package io.voicegateway.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Token buckets per name (an API key id, a source address): each name may take {@code perMinute} tokens at
 * once and gets them back evenly over a minute (Bucket4j, greedy refill). The map keeps the most recently
 * used {@link #MAX_NAMES} names, so a flood from many addresses costs bounded memory; a forgotten name
 * starts again with a full bucket, which only a flood wider than the bound could exploit.
 */
public final class RateLimiter {

    static final int MAX_NAMES = 10_000;

    private final int perMinute;
    private final TimeMeter clock;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_NAMES;
        }
    };

    public RateLimiter(int perMinute) {
        this(perMinute, TimeMeter.SYSTEM_NANOTIME);
    }

    /** With a clock of our own, so tests move time instead of waiting. */
    RateLimiter(int perMinute, TimeMeter clock) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("a rate limit must allow at least 1 request a minute, got " + perMinute);
        }
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /**
     * Takes one token for {@code name}.
     *
     * @return empty when allowed; otherwise the seconds until a token is back (at least 1), for Retry-After
     */
    public OptionalLong tryTake(String name) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(name, n -> Bucket.builder()
                    .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                    .withCustomTimePrecision(clock)
                    .build());
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        long nanos = probe.getNanosToWaitForRefill();
        return OptionalLong.of(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }
}
