package org.trainingplayground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** New sessions per client address and minute, on a real Jetty set up as Bootstrap does. */
class NewSessionLimitTest {

    private FilteredJetty server;

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anAddressPastItsNewSessionsThisMinuteGetsASentenceWithTheSecurityHeaders()
            throws Exception {
        start(3, List.of());
        for (int i = 0; i < 3; i++) {
            assertEquals(200, get("/session", null, null).statusCode());
        }
        HttpResponse<String> refused = get("/session", null, null);
        assertEquals(429, refused.statusCode());
        assertEquals("60", refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(refused.body().contains(NewSessionLimit.sentence(3)), refused.body());
        assertEquals(
                "frame-ancestors 'self'",
                refused.headers().firstValue("Content-Security-Policy").orElseThrow());
        assertTrue(
                refused.headers().firstValue("Set-Cookie").isEmpty(),
                "a refused visit starts no session");
    }

    @Test
    void aBrowserThatBringsItsSessionIsNeverTurnedAway() throws Exception {
        start(1, List.of());
        String cookie = get("/session", null, null)
                .headers()
                .firstValue("Set-Cookie")
                .orElseThrow()
                .split(";")[0];
        assertEquals(429, get("/session", null, null).statusCode());
        for (int i = 0; i < 5; i++) {
            assertEquals(200, get("/session", cookie, null).statusCode());
        }
    }

    @Test
    void requestsThatStartNoSessionCostNothing() throws Exception {
        start(2, List.of());
        for (int i = 0; i < 20; i++) {
            assertEquals(200, get("/plain", null, null).statusCode());
        }
        assertEquals(200, get("/session", null, null).statusCode());
        assertEquals(200, get("/session", null, null).statusCode());
        assertEquals(429, get("/session", null, null).statusCode());
        assertEquals(
                200,
                get("/health/ready", null, null).statusCode(),
                "health checks pass even for a refused address");
    }

    @Test
    void aForwardedForHeaderFromAnUntrustedClientDoesNotBuyMoreSessions() throws Exception {
        start(2, List.of());
        for (int i = 0; i < 2; i++) {
            assertEquals(200, get("/session", null, "198.51.100." + i).statusCode());
        }
        assertEquals(429, get("/session", null, "198.51.100.99").statusCode());
    }

    @Test
    void behindATrustedProxyEachForwardedClientHasItsOwnAllowance() throws Exception {
        start(2, List.of("127.0.0.0/8", "::1"));
        for (int i = 0; i < 2; i++) {
            assertEquals(200, get("/session", null, "198.51.100.7").statusCode());
        }
        assertEquals(429, get("/session", null, "198.51.100.7").statusCode());
        assertEquals(200, get("/session", null, "198.51.100.8").statusCode());
        // What a client wrote before the proxy's own entry is not believed.
        assertEquals(429, get("/session", null, "203.0.113.1, 198.51.100.7").statusCode());
    }

    @Test
    void theClientIsTheNearestForwardedAddressThatIsNoTrustedProxy() {
        ClientAddress address = new ClientAddress(List.of("10.0.0.0/8"));
        assertEquals("198.51.100.7", address.of("10.0.0.2", "203.0.113.1, 198.51.100.7, 10.0.0.9"));
        assertEquals(
                "10.0.0.9",
                address.of("10.0.0.2", "garbage, 10.0.0.9"),
                "a hop that is not an address ends the walk at the last trusted one");
        assertEquals(
                "192.0.2.1",
                address.of("192.0.2.1", "198.51.100.7"),
                "an untrusted connection's header is ignored");
        assertEquals(
                "2001:db8:1:2:0:0:0:0/64",
                address.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd", ""),
                "an IPv6 client is counted by its /64");
    }

    @Test
    void aHostNameInTheHeaderIsNeverLookedUp() {
        assertNull(ClientAddress.literal("example.com"));
        assertNull(ClientAddress.literal("999.1.1.1"));
        assertNull(ClientAddress.literal("cafe"));
        assertNull(ClientAddress.literal("1".repeat(40_000)));
        assertEquals("192.0.2.1", ClientAddress.literal("192.0.2.1").getHostAddress());
        assertEquals("0:0:0:0:0:0:0:1", ClientAddress.literal("[::1]").getHostAddress());
    }

    private void start(int perMinute, List<String> trustedProxies) throws Exception {
        server = new FilteredJetty(
                context -> {
                    Bootstrap.allowFraming(context, List.of());
                    Bootstrap.limitNewSessions(context, perMinute, trustedProxies);
                },
                request -> request.getRequestURI().equals("/session"));
    }

    private HttpResponse<String> get(String path, String cookie, String forwardedFor)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.base().resolve(path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return HttpClient.newHttpClient()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
