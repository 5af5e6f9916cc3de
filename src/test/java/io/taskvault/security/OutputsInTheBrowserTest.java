package io.taskvault.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

import io.taskvault.support.HeadlessChromium;
import io.taskvault.support.RunningServerTest;
import io.taskvault.support.TaskDrafts;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;
import io.taskvault.task.history.EventType;
import io.taskvault.task.output.OutputDraft;
import io.taskvault.task.output.OutputType;

/**
 * In Debian's headless Chromium against the real server: an HTML output that loads a JavaScript output with
 * {@code <script src>} runs no script in the app's origin, whatever types their uploader declared.
 */
@RunningServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(HeadlessChromium.Shared.class)
class OutputsInTheBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TaskService tasks;

    Browser browser;

    @BeforeAll
    void launch(HeadlessChromium chromium) {
        browser = chromium.browser();
    }

    @Test
    void anHtmlOutputLoadingAScriptOutputRunsNoScript() {
        Task task = tasks.create(TaskDrafts.aTask().titled("Planted outputs").build(), "seed");
        String key = task.getKey();
        long script = tasks.appendOutput(key, OutputDraft.text(OutputType.ARTIFACT, scriptNoting(key, "script ran"))
                .withFile("evil.js", "application/javascript"), "seed").seq();
        String html = "<!doctype html><html><head><title>report</title></head><body><p id=\"report\">report</p>"
                + "<script src=\"/api/tasks/" + key + "/outputs/" + script + "\"></script>"
                + "<script>" + scriptNoting(key, "inline script ran") + "</script></body></html>";
        long page = tasks.appendOutput(key, OutputDraft.text(OutputType.ARTIFACT, html)
                .withFile("report.html", "text/html"), "seed").seq();

        Page tab = browser.newPage();
        Response opened = tab.navigate(url("/api/tasks/" + key + "/outputs/" + page));
        assertThat(tab.title()).isNotIn("script ran", "inline script ran");
        assertThat(notes(key)).as("notes posted by a script of the output").isEmpty();
        assertThat(tab.textContent("body")).as("shown as its source, not rendered").contains("<script src=");
        assertThat(opened.headers().get("content-type")).startsWith("text/plain");
        assertThat(opened.headers().get("content-security-policy")).contains("sandbox");

        // an HTML page of the app's own origin (here one the test serves) cannot run the script output either
        tab.route(url("/planted.html"), route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                .setStatus(200).setContentType("text/html").setBody(html)));
        tab.navigate(url("/planted.html"));
        assertThat(tab.textContent("#report")).isEqualTo("report");
        assertThat(tab.title()).as("the inline control script did run").isEqualTo("inline script ran");

        assertThat(notes(key)).as("only the test's own inline control ran").containsExactly("inline script ran");
    }

    //why: a synchronous request, so whatever the script does is done before the page has loaded (no waiting needed)
    private static String scriptNoting(String key, String text) {
        return "document.title = '" + text + "';"
                + "var x = new XMLHttpRequest(); x.open('POST', '/api/tasks/" + key + "/notes', false);"
                + "x.setRequestHeader('Content-Type', 'application/json'); x.send(JSON.stringify({text: '" + text + "'}));";
    }

    private List<String> notes(String key) {
        return tasks.history(key).stream().filter(e -> e.type() == EventType.NOTE).map(e -> e.reason()).toList();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
