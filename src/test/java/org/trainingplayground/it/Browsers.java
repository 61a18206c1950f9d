package org.trainingplayground.it;

import java.io.File;
import java.nio.file.Files;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/** Debian's headless Chromium driven by Debian's ChromeDriver; Selenium Manager never runs. */
final class Browsers {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private Browsers() {}

    /**
     * Saves what the browser shows as {@code target/screenshots/<name>.png}: for people
     * reading the README, and for whoever looks into a failure.
     */
    static void screenshot(org.openqa.selenium.TakesScreenshot browser, String name)
            throws java.io.IOException {
        java.nio.file.Path shot = java.nio.file.Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    /** A new browser with its own profile, so it is a different user to the server. */
    static ChromeDriver newChromium() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory("chromium-it"));
        // The performance log shows which transport server push uses.
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /** The browser's own profile folder, which names its processes' command lines. */
    @SuppressWarnings("unchecked")
    static String profileDirectory(ChromeDriver browser) {
        Map<String, Object> chrome =
                (Map<String, Object>) browser.getCapabilities().getCapability("chrome");
        return (String) chrome.get("userDataDir");
    }
}
