package io.voicegateway.twilio;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A local stand-in for Twilio's REST API (the Calls resource), speaking its real paths, Basic auth, form
 * bodies and JSON so the real Twilio SDK talks to it unchanged. Numbers starting with +1500555000 get
 * Twilio's 21211 "invalid To" error (as Twilio's magic test numbers do). Calls it created can be updated
 * ({@code POST .../Calls/{sid}.json}, e.g. new TwiML); a TwiML update dialling +1500555000… gets 13223
 * "invalid phone number", an unknown sid 20404.
 */
public final class FakeTwilioApi implements AutoCloseable {

    public static final String ACCOUNT_SID = "AC00000000000000000000000000000001";
    /** The same token the gateway under test is given, so its webhook checks and REST auth agree. */
    public static final String AUTH_TOKEN = io.voicegateway.GatewayTestSupport.AUTH_TOKEN;

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final java.util.Set<String> created = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** One request as the fake saw it. */
    public record Received(String method, String path, String authorization, Map<String, List<String>> form) {
        public String first(String name) {
            List<String> v = form.get(name);
            return v == null || v.isEmpty() ? null : v.get(0);
        }
    }

    public FakeTwilioApi(int port) throws Exception {
        server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            Map<String, List<String>> form = parseForm(body.toString(StandardCharsets.UTF_8));
            received.add(new Received(req.method().name(), req.path(), req.getHeader("Authorization"), form));
            String expectedAuth = "Basic " + Base64.getEncoder()
                    .encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
            if (!expectedAuth.equals(req.getHeader("Authorization"))) {
                error(req.response(), 401, 20003, "Authenticate");
                return;
            }
            if (req.path().equals("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls.json")) {
                String to = form.getOrDefault("To", List.of("")).get(0);
                if (to.startsWith("+1500555000")) {
                    error(req.response(), 400, 21211, "The 'To' number " + to + " is not a valid phone number.");
                    return;
                }
                String sid = "CA" + "f".repeat(32 - String.valueOf(received.size()).length()) + received.size();
                created.add(sid);
                req.response().setStatusCode(201).putHeader("Content-Type", "application/json")
                        .end(callJson(sid, form).encode());
                return;
            }
            String callsPrefix = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls/";
            if (req.path().startsWith(callsPrefix) && req.path().endsWith(".json")) {
                String sid = req.path().substring(callsPrefix.length(), req.path().length() - ".json".length());
                if (!created.contains(sid)) {
                    error(req.response(), 404, 20404, "The requested resource " + req.path() + " was not found");
                    return;
                }
                String twiml = form.getOrDefault("Twiml", List.of("")).get(0);
                if (twiml.contains("+1500555000")) {
                    error(req.response(), 400, 13223, "Dial: Invalid phone number format");
                    return;
                }
                req.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("sid", sid).put("account_sid", ACCOUNT_SID)
                                .put("status", "in-progress").put("api_version", "2010-04-01").encode());
                return;
            }
            error(req.response(), 404, 20404, "The requested resource " + req.path() + " was not found");
        })).listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public List<Received> received() {
        return received;
    }

    private static JsonObject callJson(String sid, Map<String, List<String>> form) {
        return new JsonObject().put("sid", sid).put("account_sid", ACCOUNT_SID)
                .put("to", form.get("To").get(0)).put("from", form.get("From").get(0))
                .put("status", "queued").put("direction", "outbound-api").put("api_version", "2010-04-01")
                .put("uri", "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls/" + sid + ".json");
    }

    private static void error(io.vertx.core.http.HttpServerResponse response, int status, int code, String message) {
        response.setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("code", code).put("message", message)
                        .put("more_info", "https://www.twilio.com/docs/errors/" + code).put("status", status).encode());
    }

    private static Map<String, List<String>> parseForm(String body) {
        if (body.isEmpty()) {
            return Map.of();
        }
        return java.util.Arrays.stream(body.split("&")).map(kv -> kv.split("=", 2))
                .collect(Collectors.groupingBy(kv -> decode(kv[0]),
                        Collectors.mapping(kv -> kv.length > 1 ? decode(kv[1]) : "", Collectors.toList())));
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close();
    }
}
