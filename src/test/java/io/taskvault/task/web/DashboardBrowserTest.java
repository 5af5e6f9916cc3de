package io.taskvault.task.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;

import io.taskvault.support.HeadlessChromium;
import io.taskvault.support.RunningServerTest;
import io.taskvault.support.TaskDrafts;
import io.taskvault.task.Task;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;
import io.taskvault.task.output.OutputDraft;
import io.taskvault.task.output.OutputType;

/** The dashboard in Debian's headless Chromium against the real application on a fresh embedded store. */
@RunningServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(HeadlessChromium.Shared.class)
class DashboardBrowserTest {

    private static final Path SHOTS = Path.of("target/screenshots");

    @LocalServerPort
    int port;
    @Autowired
    TaskService tasks;

    Browser browser;

    @BeforeAll
    void launch(HeadlessChromium chromium) {
        browser = chromium.browser();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private Task failed(String title) {
        Task t = tasks.create(TaskDrafts.aTask().titled(title).withRole("backend").build(), "seed");
        tasks.transition(t.getId(), TaskState.QUEUED, "seed", "queued");
        tasks.transition(t.getId(), TaskState.RUNNING, "seed", "started");
        return tasks.transition(t.getId(), TaskState.FAILED, "seed", "exit code 1: compiler error");
    }

    private static void shoot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
    }

    private static void assertNoHorizontalScroll(Page page) {
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow in px at " + page.viewportSize().width)
                .isLessThanOrEqualTo(0);
    }

    @Test
    void aLeadFiltersOpensMovesWatchesLiveAndRetriesInBulk() throws Exception {
        List<Task> failures = List.of(failed("Fix flaky payment test"), failed("Repair <b>login</b> form"), failed("Migrate schema"));
        Task work = tasks.create(TaskDrafts.aTask().titled("Write the release notes").withRole("docs").withTags("release").build(), "seed");
        tasks.appendOutput(work.getId(), OutputDraft.text(OutputType.STDOUT, IntStream.rangeClosed(1, 2_500)
                .mapToObj(i -> "build step " + i).collect(Collectors.joining("\n"))), "seed");

        Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 900));

        // the overview counts the failures and links to them
        page.navigate(url("/"));
        assertThat(page.locator("a[href='/tasks?state=FAILED'] .count")).hasText("3");
        assertNoHorizontalScroll(page);
        shoot(page, "overview");

        // filter the list by state: the URL carries the filter, the rows follow it
        page.navigate(url("/tasks"));
        assertThat(page.locator("table.tasks tbody tr")).hasCount(4);
        page.locator("label.chip", new Page.LocatorOptions().setHasText("FAILED")).click();
        page.waitForURL(u -> u.contains("state=FAILED"));
        assertThat(page.locator("table.tasks tbody tr")).hasCount(3);
        assertThat(page.getByText("Repair <b>login</b> form")).isVisible();
        assertNoHorizontalScroll(page);
        shoot(page, "tasks-filtered");
        page.goBack();
        page.waitForURL(u -> !u.contains("state=FAILED"));
        assertThat(page.locator("table.tasks tbody tr")).hasCount(4);

        // open the pending task and queue it: the state and the history change in place
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Write the release notes")).click();
        page.waitForURL(u -> u.endsWith("/tasks/" + work.getKey()));
        assertThat(page.locator("#task-state")).hasText("PENDING");
        int before = page.locator("#history > li").count();
        page.locator("#reason").fill("ready for an agent");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move to QUEUED")).click();
        assertThat(page.locator("#task-state")).hasText("QUEUED");
        assertThat(page.locator("#history > li")).hasCount(before + 1);
        assertThat(page.locator("#history > li").first()).containsText("ready for an agent");

        // a change made through REST shows up without a reload
        HttpResponse<String> rest = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/tasks/" + work.getId() + "/transitions")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"RUNNING\",\"reason\":\"picked up via REST\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(rest.statusCode()).isEqualTo(200);
        assertThat(page.locator("#task-state")).hasText("RUNNING", new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(10_000));
        assertThat(page.locator("#history > li").first()).containsText("picked up via REST");

        // a note lands in the history; a bad edit is explained next to its field, a good one is saved
        page.locator("#note").fill("checked with the team");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add note")).click();
        assertThat(page.locator("#history > li").first()).containsText("checked with the team");
        page.locator("summary", new Page.LocatorOptions().setHasText("Edit fields")).click();
        page.getByLabel("Complexity score").fill("lots");
        page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill("Write the release notes for 2.0");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
        assertThat(page.locator("#err-complexityScore")).containsText("must be a whole number");
        shoot(page, "task-edit-invalid");
        page.getByLabel("Complexity score").fill("5");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
        assertThat(page.locator("#edit-form .saved")).containsText("Saved");
        assertThat(page.locator("#task-live h1")).containsText("Write the release notes for 2.0");

        // the log viewer pages a long output
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("View")).click();
        assertThat(page.locator(".log-lines li")).hasCount(1_000);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next 1,000 lines →")).click();
        assertThat(page.locator(".log-head")).containsText("lines 1001–2000");
        assertThat(page.locator(".log-lines li")).hasCount(1_000);
        assertNoHorizontalScroll(page);
        shoot(page, "task-detail");

        // bulk retry of every failed task in the filter, after a confirmation that names the count
        page.navigate(url("/tasks?state=FAILED"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Retry failed")).click();
        assertThat(page.locator(".confirm")).containsText("Retry all 3 failed or interrupted tasks that match the filter?");
        shoot(page, "bulk-confirm");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Retry 3")).click();
        assertThat(page.locator(".bulk-done")).containsText("Retry: 3 of 3 changed.");
        assertThat(page.locator("table.tasks tbody tr")).hasCount(1);
        assertThat(page.locator("table.tasks tbody")).containsText("No task matches this filter.");
        shoot(page, "bulk-done");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(tasks.list(TaskQuery.all()
                .withStates(Set.of(TaskState.PENDING))).tasks()).extracting(Task::getKey)
                .containsAll(failures.stream().map(Task::getKey).toList()));

        // the list is live too: a task created through REST appears without a reload
        page.navigate(url("/tasks"));
        assertThat(page.locator("table.tasks tbody tr")).hasCount(4);
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/tasks")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Made over REST\",\"role\":\"ops\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isBetween(200, 201);
        assertThat(page.locator("table.tasks tbody tr")).hasCount(5);
        assertThat(page.locator("table.tasks tbody")).containsText("Made over REST");

        // narrow screens: no sideways scrolling on any page
        page.setViewportSize(390, 844);
        for (String path : List.of("/", "/tasks", "/tasks/" + work.getKey())) {
            page.navigate(url(path));
            if (path.startsWith("/tasks/")) {
                assertThat(page.locator("#context-health")).isVisible();
            }
            assertNoHorizontalScroll(page);
        }
        page.navigate(url("/"));
        shoot(page, "overview-390px");
        page.navigate(url("/tasks"));
        shoot(page, "tasks-390px");
        page.navigate(url("/tasks/" + work.getKey()));
        assertThat(page.locator("#context-health")).isVisible();
        shoot(page, "task-detail-390px");
        page.locator("#context").screenshot(new Locator.ScreenshotOptions().setPath(SHOTS.resolve("task-detail-context-390px.png")));
        page.navigate(url("/tasks/TV-99999"));
        assertThat(page.locator("h1")).hasText("Task not found");
        shoot(page, "not-found");
        page.navigate(url("/no/such/page"));
        assertThat(page.locator("h1")).hasText("Not Found");
        assertThat(page.locator("body")).not().containsText("Whitelabel");
    }

    /** The header the security engineer will send; the dashboard must work under it unchanged. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:";

    @Test
    void aLeadAddsContextOnTheTaskPageAndSwitchesTheChartToHourlyUnderAStrictCsp() {
        Task work = tasks.create(TaskDrafts.aTask().titled("Add rate limiting to the API").withRole("backend").build(), "seed");
        tasks.transition(work.getId(), TaskState.CANCELLED, "seed", "dropped");
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        List<String> violations = new java.util.concurrent.CopyOnWriteArrayList<>();
        context.route("**/*", route -> {
            APIResponse response = route.fetch();
            Map<String, String> headers = new java.util.HashMap<>(response.headers());
            headers.put("content-security-policy", CSP);
            route.fulfill(new Route.FulfillOptions().setResponse(response).setHeaders(headers));
        });
        Page page = context.newPage();
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) {
                violations.add(m.text());
            }
        });

        // the chart switches to hourly buckets; the choice lives in the URL
        page.navigate(url("/"));
        assertThat(page.locator("#chart-h")).hasText("Created and finished per day");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("per hour")).click();
        page.waitForURL(u -> u.contains("chart=hour"));
        assertThat(page.locator("#chart-h")).hasText("Created and finished per hour");
        assertThat(page.locator("#activity .bar-created")).hasCount(24);
        //why: a chart drawn in the hour before is served as it is while it is drawn again in the background, so
        //    across an hour's turn the page is fetched again until the new drawing is there
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            if (page.locator("#activity .bar-finished[data-count='1']").count() == 1) {
                return true;
            }
            page.reload();
            return false;
        });
        shoot(page, "overview-hourly");

        // the task page loads its context section; a bad value is explained next to its field
        page.navigate(url("/tasks/" + work.getKey()));
        Locator requirements = page.locator("#context-requirements");
        assertThat(requirements).containsText("None yet.");
        requirements.locator("summary").click();
        requirements.getByLabel("Content: one “name: value” per line").fill("no name here");
        requirements.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add a requirement")).click();
        assertThat(page.locator("#err-ctx-requirements-type")).hasText("is required");
        assertThat(page.locator("#err-ctx-requirements-content")).containsText("one 'name: value' per line");
        page.locator("#ctx-requirements-type").fill("functional");
        page.locator("#ctx-requirements-content").fill("limit: 100 requests per minute\nscope: <all> endpoints");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a requirement")).click();
        assertThat(page.locator("#context .saved")).hasText("Requirements #1 added.");
        assertThat(page.locator("#context-requirements .records li")).hasCount(1);
        assertThat(page.locator("#context-requirements .records")).containsText("scope: <all> endpoints");
        page.locator("#context-requirements .records a").first().click();
        assertThat(page.locator("#context-record")).containsText("Requirements #1 of " + work.getKey());
        assertThat(page.locator("#context-health")).containsText("/ 100");
        assertNoHorizontalScroll(page);
        page.locator("#context").screenshot(new Locator.ScreenshotOptions().setPath(SHOTS.resolve("task-detail-context.png")));
        shoot(page, "task-detail-with-context");

        // the toggles and dismiss buttons are wired by app.js, not inline handlers: nothing was blocked
        page.navigate(url("/tasks"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel")).click();
        assertThat(page.locator(".confirm")).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Never mind")).click();
        assertThat(page.locator(".confirm")).hasCount(0);
        assertThat(violations).as("CSP violations").isEmpty();
        context.close();
    }

    @Test
    void aFirstVisitGetsAStyledErrorPageAndThePhoneListAndDetailHaveNoHorizontalScroll() throws Exception {
        tasks.create(TaskDrafts.aTask().titled("Reconcile the internationalisation configuration of the notification service")
                .withRole("backend").build(), "seed");
        tasks.create(TaskDrafts.aTask().titled("Rename AbstractNotificationDispatcherConfigurationFactoryBeanPostProcessor")
                .withRole("backend").build(), "seed");
        Task schema = tasks.create(TaskDrafts.aTask().titled("Design the schema for notification preferences")
                .withRole("backend").build(), "seed");
        Task detail = tasks.create(TaskDrafts.aTask().titled("Send digest e-mails once a day")
                .describedAs("Collect the day's notifications per user and send one e-mail at 08:00 local time.")
                .withRole("backend").withTags("email", "notifications").withComplexity(5).dependingOn(schema.getKey())
                .build(), "seed");
        try (BrowserContext fresh = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900))) {
            Page page = fresh.newPage();
            page.navigate(url("/taskz"));
            assertThat(page.content()).doesNotContain(";jsessionid");
            Object styled = page.evaluate("() => [...document.styleSheets].some(s => { try { return s.cssRules.length > 0 } "
                    + "catch (e) { return false } })");
            assertThat(styled).as("the error page's stylesheet loaded").isEqualTo(true);

            page.navigate(url("/tasks?sort=priority"));
            assertThat(page.locator("#results tbody tr").first()).isVisible();
            assertThat(page.getByLabel("Role", new Page.GetByLabelOptions().setExact(true))).isVisible();
            assertThat(page.locator(".filter-box > summary")).isHidden();
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("tasks-1400px.png")).setFullPage(true));

            page.navigate(url("/tasks/" + detail.getKey()));
            Locator fields = page.locator(".fields-list");
            assertThat(fields).containsText(schema.getKey() + " Design the schema for notification preferences");
            assertThat(fields).not().containsText(schema.getId());
            assertThat(fields).not().containsText("Worktree");
            assertThat(page.locator(".tags .tag")).hasText(new String[] {"email", "notifications"});
            assertThat(fields.locator("time").first()).hasAttribute("title", java.util.regex.Pattern.compile("UTC$"));
            assertThat(page.locator("#context-health")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("detail-1400px.png")).setFullPage(true));

            page.setViewportSize(390, 844);
            page.navigate(url("/tasks?sort=priority"));
            assertThat(page.getByLabel("Role", new Page.GetByLabelOptions().setExact(true))).isHidden();
            Object width = page.evaluate("() => document.documentElement.scrollWidth");
            assertThat(((Number) width).intValue()).as("page width at 390 px").isLessThanOrEqualTo(390);
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("tasks-390px.png")).setFullPage(true));
            page.locator(".filter-box > summary").click();
            assertThat(page.getByLabel("Role", new Page.GetByLabelOptions().setExact(true))).isVisible();
            assertNoHorizontalScroll(page);

            page.navigate(url("/tasks/" + detail.getKey()));
            assertThat(page.locator(".fields-list")).containsText("Design the schema");
            assertThat(page.locator("#context-health")).isVisible();
            assertNoHorizontalScroll(page);
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("detail-390px.png")).setFullPage(true));
        }
    }
}
