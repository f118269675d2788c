package io.voicegateway.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line tools packed in the gateway jar: {@code java -jar voice-gateway.jar COMMAND ...}.
 * Each tool is a picocli {@link Command}; add new ones to {@link #SUBCOMMANDS}.
 */
@Command(name = "voice-gateway", mixinStandardHelpOptions = true,
        description = "Voice Gateway tools. Without a command the jar runs the gateway.")
public final class Commands {

    /** Every tool, by class. Each is a picocli command with a no-argument constructor. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            CallCommand.class,
            LoadCommand.class,
            VadCommand.class,
            io.voicegateway.emulator.NovaEmulatorCommand.class,
            SignCommand.class);

    private Commands() {
    }

    /** True when the first argument names a tool rather than a Spring option. */
    public static boolean isCommand(String[] args) {
        if (args.length == 0) {
            return false;
        }
        return commandLine().getSubcommands().containsKey(args[0]);
    }

    /**
     * Tools print their own results; library logging (no Spring, so logback's console default) is cut to
     * warnings, and Vert.x's "Connection was closed" error on a WebSocket the gateway has just closed — the normal
     * end of a simulated call — is silenced.
     */
    public static void quietLogging() {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logback) {
            logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
            logback.getLogger("io.vertx.core.net.impl.ConnectionBase").setLevel(ch.qos.logback.classic.Level.OFF);
            logback.getLogger("io.voicegateway").setLevel(ch.qos.logback.classic.Level.INFO);
        }
    }

    /** Runs the tool named by {@code args[0]} and returns its exit code. */
    public static int run(String[] args) {
        return commandLine().execute(args);
    }

    /** Same, with the tool's output and errors written to the given writers instead of stdout/stderr. */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine line = commandLine();
        line.setOut(out);
        line.setErr(err);
        try {
            return line.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    static CommandLine commandLine() {
        CommandLine line = new CommandLine(new Commands());
        SUBCOMMANDS.forEach(line::addSubcommand);
        return line;
    }
}
