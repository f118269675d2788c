package io.voicegateway.cli;

import java.util.Locale;

/** The load run's one-line progress bar (stderr, redrawn with {@code \r}). */
final class Progress {

    static final int WIDTH = 30;

    private Progress() {
    }

    /** {@code [#####.....] 12/50 done | active 38 ok 12 failed 0 | 00:42} */
    static String line(int calls, int active, int ok, int failed, long elapsedS) {
        int done = ok + failed;
        int filled = calls == 0 ? WIDTH : (int) ((long) done * WIDTH / calls);
        return String.format(Locale.ROOT, "[%s%s] %d/%d done | active %d ok %d failed %d | %02d:%02d ",
                "#".repeat(filled), ".".repeat(WIDTH - filled), done, calls, active, ok, failed,
                elapsedS / 60, elapsedS % 60);
    }
}
