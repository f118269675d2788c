package io.voicegateway.emulator;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the Nova Sonic emulator on its own until killed; point a gateway at it with NOVA_ENDPOINT_OVERRIDE. */
@Command(name = "nova-emulator", mixinStandardHelpOptions = true,
        description = "Run the local Amazon Nova Sonic emulator (HTTP/2 cleartext, real event-stream protocol).")
public final class NovaEmulatorCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8765", description = "Port to listen on (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--response-delay-ms", defaultValue = "0", description = "Wait before answering, ms.")
    long responseDelayMs;

    @Option(names = "--session-cap-seconds", defaultValue = "480",
            description = "Cut streams off with modelTimeoutException after this many seconds (Bedrock: 480).")
    long sessionCapSeconds;

    @Override
    public Integer call() throws InterruptedException {
        EmulatorSettings settings = EmulatorSettings.defaults().withPort(port)
                .withResponseDelay(Duration.ofMillis(responseDelayMs))
                .withSessionCap(Duration.ofSeconds(sessionCapSeconds));
        NovaEmulator emulator = new NovaEmulator(settings).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "nova-emulator-shutdown"));
        System.out.println("Nova Sonic emulator on " + emulator.endpoint()
                + " — run the gateway with NOVA_ENDPOINT_OVERRIDE=" + emulator.endpoint());
        stopped.await();
        return 0;
    }
}
