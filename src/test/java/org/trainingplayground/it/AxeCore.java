package org.trainingplayground.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core, Deque's accessibility rules, from its npm package: fetched once from the npm
 * registry (checked against the package's published integrity), kept under target/, and run
 * inside the page under test. Never from a CDN.
 */
final class AxeCore {

    private static final String VERSION = "4.11.1";
    private static final String TARBALL =
            "https://registry.npmjs.org/axe-core/-/axe-core-" + VERSION + ".tgz";
    /** {@code npm view axe-core@4.11.1 dist.integrity}. */
    private static final String INTEGRITY = "sha512-BASOg+YwO2C+346x3LZOeoovTIoTrRqEsqMa6fmfAV0P"
            + "+U9mFr9NsyOEpiYvFjbc64NMrSswhV50WdXzdb/Z5A==";

    private static final Path CACHED = Path.of("target", "axe-core-" + VERSION + ".min.js");

    private static String script;

    private AxeCore() {}

    /** The rule violations of impact serious or critical on the page as it is now. */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(JavascriptExecutor page) throws Exception {
        page.executeScript(script());
        Object found = page.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(r => done(r.violations"
                + "  .filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + "  .map(v => ({id: v.id, impact: v.impact, help: v.help,"
                + "    nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))}))))"
                + ".catch(e => done([{id: 'axe-failed', impact: 'critical',"
                + "  help: String(e), nodes: []}]));");
        return ((List<Map<String, Object>>) found)
                .stream()
                        .map(v -> v.get("impact") + " " + v.get("id") + ": " + v.get("help") + " "
                                + v.get("nodes"))
                        .toList();
    }

    private static synchronized String script() throws Exception {
        if (script == null) {
            if (!Files.isRegularFile(CACHED)) {
                Files.createDirectories(CACHED.getParent());
                Files.writeString(CACHED, extract(download()));
            }
            script = Files.readString(CACHED);
        }
        return script;
    }

    private static byte[] download() throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        HttpResponse<byte[]> response = client.send(
                HttpRequest.newBuilder(URI.create(TARBALL))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException(
                    "The npm registry answered " + response.statusCode() + " for " + TARBALL);
        }
        byte[] tarball = response.body();
        String actual = "sha512-" + Base64.getEncoder().encodeToString(sha512(tarball));
        if (!actual.equals(INTEGRITY)) {
            throw new IOException("axe-core " + VERSION + " from the npm registry does not match"
                    + " its published integrity: " + actual);
        }
        return tarball;
    }

    private static byte[] sha512(byte[] bytes) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-512").digest(bytes);
    }

    private static String extract(byte[] tarball) throws IOException {
        try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(tarball));
                TarArchiveInputStream tar = new TarArchiveInputStream(gzip)) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                if (entry.getName().equals("package/axe.min.js")) {
                    return new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new IOException("axe-core's tarball has no package/axe.min.js");
    }
}
