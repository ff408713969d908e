package dev.pilotgate.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The HTML report in a real browser: the example portfolio is written by the real CLI
 * ({@code evaluate --format html --output}), opened from disk in headless Chromium driven by
 * Selenium through {@code chromedriver}, and checked for what a parser cannot see: the browser
 * reports no console errors (a blocked resource, a Content-Security-Policy violation, a
 * script error), and the stage funnel and every chart are laid out with a non-zero size. A
 * full-page screenshot is saved to {@code target/report-screenshot.png} to look at.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} packages
 * ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}; other paths with
 * {@code -Dpilotgate.chromium=...} and {@code -Dpilotgate.chromedriver=...}). Without them
 * the test is skipped, saying how to install them, except in CI (environment variable
 * {@code CI} set, as {@code .ci/run} does), where it fails.
 */
@Tag("browser")
class HtmlReportBrowserTest {
  private static final Path CHROMIUM = Path.of(System.getProperty("pilotgate.chromium", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER = Path.of(System.getProperty("pilotgate.chromedriver", "/usr/bin/chromedriver"));
  private static final Path OUT = Path.of("target", "report-browser");
  private static final Path SCREENSHOT = Path.of("target", "report-screenshot.png");
  private static final int WIDTH = 1400;
  private static final int HEIGHT = 1800;

  /**
   * Debian's Chromium is usually newer than the DevTools bindings this Selenium ships, which
   * Selenium warns about when the driver starts; this test only sends raw DevTools commands
   * ({@code executeCdpCommand}), which need no bindings. Held here so the setting sticks.
   */
  private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  private static ChromeDriverService service;
  private static ChromeDriver driver;
  private static Path profile;
  /** Why the browser cannot run here, or {@code null}. */
  private static String skipped;

  @BeforeAll
  static void openReport() throws IOException {
    skipped = missingBrowser();
    if (skipped != null) {
      return;
    }
    CDP_VERSION_FINDER.setLevel(Level.SEVERE);
    Files.createDirectories(OUT);
    Path report = OUT.resolve("portfolio.html").toAbsolutePath();
    CliRun run = CliRun.of("evaluate", "--as-of", "2026-06-01", "--format", "html", "--output", report.toString(), "pilots");
    assertThat(run.exitCode()).as(run.toString()).isZero();

    profile = Files.createTempDirectory("pilot-gate-chromium-");
    service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .withLogFile(OUT.resolve("chromedriver.log").toFile())
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + WIDTH + "," + HEIGHT,
        "--hide-scrollbars");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.get(report.toUri().toString());
  }

  /**
   * Why the test cannot run, or {@code null}: Chromium or chromedriver is not installed.
   * Fails instead in CI, where {@code .ci/run} installs them.
   */
  private static String missingBrowser() {
    List<String> missing = new ArrayList<>();
    for (Path p : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(p)) {
        missing.add(p.toString());
      }
    }
    if (missing.isEmpty()) {
      return null;
    }
    String message = "The HTML report's browser test needs Chromium and chromedriver, and " + String.join(" and ", missing)
        + (missing.size() == 1 ? " is" : " are") + " missing. To run it, install Debian's packages:"
        + " apt-get install chromium chromium-driver (or set -Dpilotgate.chromium=PATH -Dpilotgate.chromedriver=PATH).";
    String ci = System.getenv("CI");
    if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
      fail("CI is set: " + message);
    }
    System.err.println("SKIPPED " + HtmlReportBrowserTest.class.getSimpleName() + ": " + message);
    return message;
  }

  @BeforeEach
  void requireBrowser() {
    assumeTrue(skipped == null, skipped);
  }

  @AfterAll
  static void close() throws IOException {
    try {
      if (driver != null) {
        driver.quit();
      }
    } finally {
      if (service != null) {
        service.stop();
      }
      if (profile != null) {
        try (Stream<Path> files = Files.walk(profile)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  @Test
  void pageLoads_withoutConsoleErrors() {
    assertThat(driver.getTitle()).isEqualTo("AI pilot portfolio — gate decisions as of 2026-06-01");
    assertThat(driver.executeScript("return document.readyState")).isEqualTo("complete");

    List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .toList();
    assertThat(severe).as("console errors").isEmpty();
  }

  @Test
  void pageLoads_nothingFromElsewhere() {
    Object resources = driver.executeScript("return performance.getEntriesByType('resource').map(r => r.name)");
    assertThat((List<?>) resources).as("resources the page loaded").isEmpty();
  }

  @Test
  void funnel_isRenderedWithASize() {
    List<WebElement> funnels = driver.findElements(By.cssSelector("svg.funnel"));
    assertThat(funnels).hasSize(1);
    assertRendered(funnels.get(0), "the stage funnel");
    List<WebElement> blocks = funnels.get(0).findElements(By.cssSelector("rect.funnel-pilot"));
    assertThat(blocks).as("one funnel block per pilot").hasSize(10);
    for (WebElement block : blocks) {
      assertRendered(block, "funnel block of " + block.getAttribute("data-pilot"));
    }
  }

  @Test
  void charts_areRenderedWithASize() {
    List<WebElement> trends = driver.findElements(By.cssSelector("svg.trend-chart"));
    assertThat(trends).as("trend charts").isNotEmpty();
    List<WebElement> charts = driver.findElements(By.cssSelector("main svg"));
    assertThat(charts).as("every SVG on the page").hasSizeGreaterThan(trends.size());
    for (int i = 0; i < charts.size(); i++) {
      WebElement chart = charts.get(i);
      assertRendered(chart, "SVG #" + (i + 1) + " (class " + chart.getAttribute("class") + ")");
    }
  }

  @Test
  void page_fitsTheWindowWidth() {
    Number scrollWidth = (Number) driver.executeScript("return document.documentElement.scrollWidth");
    Number clientWidth = (Number) driver.executeScript("return document.documentElement.clientWidth");
    assertThat(scrollWidth.intValue()).as("no horizontal scrolling at %d px", WIDTH).isLessThanOrEqualTo(clientWidth.intValue());
  }

  @Test
  void screenshot_isSavedUnderTarget() throws IOException {
    byte[] png = fullPageScreenshot();
    Files.write(SCREENSHOT, png);

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).as("a PNG").isNotNull();
    assertThat(image.getWidth()).isGreaterThanOrEqualTo(WIDTH / 2);
    assertThat(image.getHeight()).as("the whole page, taller than the window").isGreaterThan(HEIGHT);
    System.out.println("screenshot of the HTML report: " + SCREENSHOT.toAbsolutePath()
        + " (" + image.getWidth() + "x" + image.getHeight() + ")");
  }

  private static void assertRendered(WebElement element, String what) {
    assertThat(element.isDisplayed()).as(what + " is displayed").isTrue();
    Rectangle rect = element.getRect();
    assertThat(rect.getWidth()).as(what + " width").isPositive();
    assertThat(rect.getHeight()).as(what + " height").isPositive();
  }

  /** The whole page, beyond the window, through the Chrome DevTools protocol. */
  private static byte[] fullPageScreenshot() {
    @SuppressWarnings("unchecked")
    Map<String, Object> content = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of())
        .get("cssContentSize");
    double width = ((Number) content.get("width")).doubleValue();
    double height = ((Number) content.get("height")).doubleValue();
    Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
        "format", "png",
        "captureBeyondViewport", true,
        "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
    return Base64.getDecoder().decode((String) shot.get("data"));
  }
}
