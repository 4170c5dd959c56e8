package com.example.movies.e2e.browser;

import com.example.movies.e2e.stack.Programs;
import com.example.movies.e2e.stack.Settings;
import com.example.movies.e2e.stack.Stack;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URL;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium with a fresh profile: the stack's own (the containers stack runs it
 * as a container, reached over WebDriver), else the machine's Chromium and chromedriver
 * found on the {@code PATH} (from one distribution, so the driver matches the browser).
 * Nothing is downloaded.
 */
final class Browser implements AutoCloseable {

    /**
     * Selenium warns on every start that it has no DevTools classes for this Chromium
     * version; the suite uses only WebDriver, so the warning is noise. Held in a field
     * because java.util.logging keeps loggers weakly.
     */
    private static final java.util.logging.Logger CDP_LOGGER = quiet("org.openqa.selenium.devtools");

    private static final java.util.logging.Logger CHROMIUM_LOGGER = quiet("org.openqa.selenium.chromium");

    final RemoteWebDriver driver;

    final WebDriverWait wait;

    private final Path profile;

    private Browser(RemoteWebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    static Browser start(Stack stack) throws IOException {
        Path work = Path.of(Settings.require("e2e.workDir"));
        Files.createDirectories(work);
        ChromeOptions options = new ChromeOptions().addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--window-size=1280,900");
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        Optional<URL> remote = stack.webDriverUrl();
        if (remote.isPresent()) {
            // chromedriver in the container gives each session a fresh profile of its
            // own.
            return new Browser(new RemoteWebDriver(remote.get(), options), null);
        }
        Path chromium = Programs.chromium()
            .orElseThrow(() -> new IllegalStateException("No Chromium on the PATH (chromium, google-chrome): install it"
                    + " and its chromedriver (Debian: apt-get install -y chromium chromium-driver), or run a Docker"
                    + " engine for the containers stack, which brings its own"));
        Path chromedriver = Programs.chromedriver()
            .orElseThrow(() -> new IllegalStateException("No chromedriver on the PATH: install the one of " + chromium
                    + " (Debian: apt-get install -y chromium-driver)"));
        Path profile = Files.createTempDirectory(work, "chromium-profile-");
        options.setBinary(chromium.toFile()).addArguments("--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
            .usingAnyFreePort()
            .withLogFile(work.resolve("chromedriver.log").toFile())
            .build();
        return new Browser(new ChromeDriver(service, options), profile);
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    /**
     * Messages the page logged at level SEVERE (console errors, failed loads) since the
     * last call.
     */
    List<String> consoleErrors() {
        return driver.manage()
            .logs()
            .get(LogType.BROWSER)
            .getAll()
            .stream()
            .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
            .map(LogEntry::getMessage)
            .toList();
    }

    /** Saves what the page shows now as {@code e2e.screenshotDir/name.png}. */
    Path screenshot(String name) {
        try {
            Path directory = Path.of(Settings.require("e2e.screenshotDir"));
            Files.createDirectories(directory);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            return Files.copy(shot.toPath(), directory.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        if (profile == null) {
            return;
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException ignored) {
            // A leftover profile under target/ is harmless.
        }
    }

}
