package org.trainingplayground.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A script speaking Vaadin's own protocol, as an attacker would: no browser and no JavaScript.
 * It asks for a page ({@code ?v-r=init}), then sends the navigation RPC with the CSRF key of
 * the first answer, which builds the route's view on the server. It keeps its cookies, so one
 * instance is one browser session.
 */
final class ScriptedClient {

    private static final Pattern SECURITY_KEY =
            Pattern.compile("\"Vaadin-Security-Key\":\"([0-9a-f-]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");

    /** A page the script opened: its UI's id and the key its messages must carry. */
    record Page(int uiId, String csrfToken) {}

    private final String baseUrl;
    private final HttpClient http;

    ScriptedClient(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    /** The first request of a page: the server creates a UI for it (and a session). */
    Page init() throws IOException, InterruptedException {
        HttpResponse<String> answer = get("?v-r=init&location=");
        if (answer.statusCode() != 200) {
            throw new IOException("init answered " + answer.statusCode() + ": " + answer.body());
        }
        return new Page(
                Integer.parseInt(find(UI_ID, answer.body())), find(SECURITY_KEY, answer.body()));
    }

    /** Opens {@code route?query} as the page's script would, without running any script. */
    Page open(String route, String query) throws IOException, InterruptedException {
        Page page = init();
        int status = send(
                page,
                "{\"csrfToken\":\"" + page.csrfToken() + "\",\"rpc\":[{\"type\":"
                        + "\"event\",\"node\":1,\"event\":\"ui-navigate\",\"data\":{\"route\":\""
                        + route
                        + "\",\"query\":\"" + query + "\",\"appShellTitle\":\"\",\"historyState\":"
                        + "{\"idx\":0},\"trigger\":\"\"}}],\"syncId\":0,\"clientId\":0}");
        if (status != 200) {
            throw new IOException("navigation answered " + status);
        }
        return page;
    }

    /** Posts {@code body} as a message of the page; the HTTP status. */
    int send(Page page, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(baseUrl + "?v-r=uidl&v-uiId=" + page.uiId()))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String find(Pattern pattern, String text) throws IOException {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IOException("no " + pattern + " in the server's answer");
        }
        return m.group(1);
    }
}
