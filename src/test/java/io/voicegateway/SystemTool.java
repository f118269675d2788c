package io.voicegateway;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests that need a system package (sox, chromium) skip on a developer machine without it, saying what to
 * install; under CI (CI=true, where .ci/run installs them) a missing package fails the test instead, so a green
 * CI never hides a missing install step.
 */
public final class SystemTool {

    private SystemTool() {
    }

    public static void require(boolean present, String what) {
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(what + " (CI must install it: see .ci/run)");
        }
        assumeTrue(present, what);
    }
}
