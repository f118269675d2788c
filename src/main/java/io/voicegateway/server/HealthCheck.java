package io.voicegateway.server;

/** One named check reported by {@code GET /health}; a required check that is down makes /health answer 503. */
public interface HealthCheck {

    String name();

    /** True when a failure of this check means the instance cannot serve calls. */
    default boolean required() {
        return true;
    }

    Result check();

    record Result(boolean up, String detail) {
        public static Result up(String detail) {
            return new Result(true, detail);
        }

        public static Result down(String detail) {
            return new Result(false, detail);
        }
    }
}
