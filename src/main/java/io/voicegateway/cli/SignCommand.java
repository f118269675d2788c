package io.voicegateway.cli;

import io.voicegateway.twilio.TwilioSignature;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Prints the {@code X-Twilio-Signature} Twilio would send, so a person can sign a webhook request by hand. */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = "Print the X-Twilio-Signature for a webhook URL and its POST parameters.")
public final class SignCommand implements Callable<Integer> {

    @Option(names = "--token", required = true, description = "Twilio auth token (the one the gateway printed in local mode).")
    String token;

    @Parameters(index = "0", description = "The full public URL Twilio posts to, e.g. http://localhost:7860/webhooks/voice")
    String url;

    @Parameters(index = "1..*", arity = "0..*", description = "POST parameters as name=value")
    Map<String, String> params = new LinkedHashMap<>();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(TwilioSignature.sign(token, url, params));
        return 0;
    }
}
