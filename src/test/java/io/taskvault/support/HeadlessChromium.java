package io.taskvault.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Debian's headless Chromium driven by Playwright, with no browser download and no background networking. A test
 * class with {@code @ExtendWith(HeadlessChromium.Shared.class)} is handed one browser for the whole run.
 */
public final class HeadlessChromium implements AutoCloseable {

    private final Playwright playwright;
    private final Browser browser;

    private HeadlessChromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static HeadlessChromium launch() {
        Playwright playwright = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsMatching(HeadlessChromium::driverStillOpenForWriting)
                .until(HeadlessChromium::createPlaywright, Objects::nonNull);
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Path.of("/usr/bin/chromium")).setHeadless(true)
                    .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run")));
            return new HeadlessChromium(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    private static Playwright createPlaywright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    //why: Playwright writes its node driver to a new file and runs it; a child JVM another test forks meanwhile (the
    //    crash tests run beside this one) inherits the open file and the run fails with "Text file busy" until that
    //    child has started (the JDK's fork race, JDK-8068370). Only that failure is tried again
    private static boolean driverStillOpenForWriting(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("Text file busy")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Resolves a {@code HeadlessChromium} parameter to one browser for the whole test run, closed when the run ends;
     * after each test class, closes the pages that class opened, which would otherwise go on polling the live refresh.
     * //why: each launch starts Playwright's driver and Chromium's processes again, seconds of CPU for each class
     */
    public static final class Shared implements ParameterResolver, AfterAllCallback {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == HeadlessChromium.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return store(context).computeIfAbsent(HeadlessChromium.class, key -> launch(), HeadlessChromium.class);
        }

        @Override
        public void afterAll(ExtensionContext context) {
            HeadlessChromium chromium = store(context).get(HeadlessChromium.class, HeadlessChromium.class);
            if (chromium != null) {
                chromium.browser().contexts().forEach(BrowserContext::close);
            }
        }

        private static ExtensionContext.Store store(ExtensionContext context) {
            return context.getRoot().getStore(ExtensionContext.Namespace.create(HeadlessChromium.class));
        }
    }

    public Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
