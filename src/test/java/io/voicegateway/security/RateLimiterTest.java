package io.voicegateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** N attempts a minute per name, then a refusal that says when to retry; time is moved by hand, not waited. */
class RateLimiterTest {

    private final AtomicLong nanos = new AtomicLong();
    private final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };

    @Test
    void theLimitIsTakenThenRefusedWithTheSecondsUntilATokenIsBack() {
        RateLimiter limiter = new RateLimiter(3, clock);
        assertThat(limiter.tryTake("k")).isEmpty();
        assertThat(limiter.tryTake("k")).isEmpty();
        assertThat(limiter.tryTake("k")).isEmpty();
        // 3 a minute refill one token every 20 s
        assertThat(limiter.tryTake("k")).hasValue(20);

        nanos.addAndGet(TimeUnit.SECONDS.toNanos(15));
        assertThat(limiter.tryTake("k")).hasValue(5);
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(5));
        assertThat(limiter.tryTake("k")).isEmpty();
    }

    @Test
    void eachNameHasItsOwnBucket() {
        RateLimiter limiter = new RateLimiter(1, clock);
        assertThat(limiter.tryTake("203.0.113.7")).isEmpty();
        assertThat(limiter.tryTake("203.0.113.7")).isPresent();
        assertThat(limiter.tryTake("198.51.100.1")).isEmpty();
    }

    @Test
    void theNumberOfRememberedNamesIsBounded() {
        RateLimiter limiter = new RateLimiter(1, clock);
        assertThat(limiter.tryTake("first")).isEmpty();
        for (int i = 0; i < RateLimiter.MAX_NAMES; i++) {
            limiter.tryTake("flood-" + i);
        }
        // "first" was the least recently used and has been forgotten: it starts with a full bucket again
        assertThat(limiter.tryTake("first")).isEmpty();
    }
}
