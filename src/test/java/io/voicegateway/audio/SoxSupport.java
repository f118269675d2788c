package io.voicegateway.audio;

import java.util.concurrent.TimeUnit;

/** Whether the {@code sox} binary the reference tests compare against is on the PATH. */
final class SoxSupport {

    private SoxSupport() {
    }

    static boolean available() {
        try {
            Process process = new ProcessBuilder("sox", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
