package org.trainingplayground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The framing headers and the session cookie, as a real Jetty sends them. */
class FramingFilterTest {

    private FilteredJetty server;

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void withoutEmbeddingOriginsThePolicyAllowsTheAppsOwnOriginOnly() {
        assertEquals("frame-ancestors 'self'", FramingFilter.contentSecurityPolicy(List.of()));
    }

    @Test
    void thePolicyListsEachEmbeddingOriginAfterTheAppsOwn() {
        assertEquals(
                "frame-ancestors 'self' https://courses.example.edu http://localhost:8000",
                FramingFilter.contentSecurityPolicy(
                        List.of("https://courses.example.edu", "http://localhost:8000")));
    }

    @Test
    void withoutEmbeddingOriginsEveryResponseRefusesOtherFramersAndTheCookieStaysOnThisSite()
            throws Exception {
        HttpResponse<String> response = get(startServer(List.of()));
        assertEquals(
                "frame-ancestors 'self'",
                response.headers().firstValue("Content-Security-Policy").orElseThrow());
        assertEquals(
                "SAMEORIGIN", response.headers().firstValue("X-Frame-Options").orElseThrow());
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("JSESSIONID="), cookie);
        assertFalse(cookie.contains("SameSite=None"), cookie);
        assertFalse(cookie.contains("Partitioned"), cookie);
        assertFalse(cookie.contains("Secure"), cookie);
        assertTrue(cookie.contains("; HttpOnly"), cookie);
        assertTrue(cookie.contains("; SameSite=Lax"), cookie);
        assertEquals(
                "nosniff",
                response.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals(
                "strict-origin-when-cross-origin",
                response.headers().firstValue("Referrer-Policy").orElseThrow());
    }

    @Test
    void theServersOwnErrorPagesCarryTheSecurityHeadersAndNameNoServerVersion() throws Exception {
        URI uri = startServer(List.of());
        ServerErrorPages.install(server.jetty(), List.of());
        for (URI bad : List.of(URI.create(uri + "?x=" + "a".repeat(20_000)))) {
            HttpResponse<String> response = get(bad);
            assertEquals(414, response.statusCode());
            assertEquals(
                    "frame-ancestors 'self'",
                    response.headers().firstValue("Content-Security-Policy").orElseThrow());
            assertEquals(
                    "nosniff",
                    response.headers().firstValue("X-Content-Type-Options").orElseThrow());
            assertTrue(
                    response.headers().firstValue("Server").isEmpty(),
                    response.headers().firstValue("Server").orElse(""));
            assertFalse(response.body().contains("Jetty"), response.body());
            assertTrue(response.body().contains("This address is too long"), response.body());
        }
        HttpResponse<String> fine = get(uri);
        assertTrue(
                fine.headers().firstValue("Server").isEmpty(),
                fine.headers().firstValue("Server").orElse(""));
    }

    @Test
    void withEmbeddingOriginsTheyMayFrameTheAppAndTheSessionCookieCrossesSites() throws Exception {
        HttpResponse<String> response = get(startServer(List.of("https://courses.example.edu")));
        assertEquals(
                "frame-ancestors 'self' https://courses.example.edu",
                response.headers().firstValue("Content-Security-Policy").orElseThrow());
        assertTrue(
                response.headers().firstValue("X-Frame-Options").isEmpty(),
                "X-Frame-Options cannot name other origins, so it is left out");
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("JSESSIONID="), cookie);
        assertTrue(cookie.contains("; Secure"), cookie);
        assertTrue(cookie.contains("; SameSite=None"), cookie);
        assertTrue(cookie.contains("; Partitioned"), cookie);
        assertTrue(cookie.contains("; HttpOnly"), cookie);
    }

    /** Jetty with a servlet that opens a session, framed as {@link Bootstrap} sets it up. */
    private URI startServer(List<String> embedOrigins) throws Exception {
        server = new FilteredJetty(
                context -> Bootstrap.allowFraming(context, embedOrigins), request -> true);
        return server.base();
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
