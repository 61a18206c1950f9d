package org.trainingplayground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The learner cookie as a real Jetty sends it: once, long-lived, and only ours accepted. */
class LearnerCookieTest {

    private FilteredJetty server;

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    private URI start(boolean embedded) throws Exception {
        server = new FilteredJetty(
                context -> Bootstrap.identifyLearners(context, embedded), request -> false);
        return server.base();
    }

    private static Optional<String> learnerCookie(HttpResponse<?> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        return cookies.stream()
                .filter(c -> c.startsWith(LearnerCookie.NAME + "="))
                .findFirst();
    }

    private static HttpResponse<String> get(URI uri, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HttpClient.newHttpClient()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aNewBrowserGetsA180DayHttpOnlyLaxCookieAndKeepsItWithoutANewOne() throws Exception {
        URI uri = start(false);
        String cookie = learnerCookie(get(uri, null)).orElseThrow();
        assertTrue(cookie.matches(LearnerCookie.NAME + "=[A-Za-z0-9_-]{22};.*"), cookie);
        assertTrue(cookie.contains("Max-Age=15552000"), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        String pair = cookie.substring(0, cookie.indexOf(';'));
        assertEquals(Optional.empty(), learnerCookie(get(uri, pair)), "a known learner keeps it");
    }

    @Test
    void aForgedOrFortyThousandCharacterCookieIsReplacedByANewLearner() throws Exception {
        URI uri = start(false);
        for (String forged : List.of("../../etc", "x".repeat(22) + "'", "a".repeat(40_000))) {
            HttpResponse<String> response = get(uri, LearnerCookie.NAME + "=" + forged);
            if (forged.length() > 1000) {
                assertEquals(431, response.statusCode(), "Jetty refuses such headers itself");
                continue;
            }
            String cookie = learnerCookie(response).orElseThrow();
            assertNotEquals(
                    LearnerCookie.NAME + "=" + forged, cookie.substring(0, cookie.indexOf(';')));
        }
    }

    @Test
    void whenEmbeddedTheCookieCrossesSitesPartitioned() throws Exception {
        String cookie = learnerCookie(get(start(true), null)).orElseThrow();
        assertTrue(cookie.contains("Secure"), cookie);
        assertTrue(cookie.contains("SameSite=None"), cookie);
        assertTrue(cookie.contains("Partitioned"), cookie);
    }
}
