package io.taskvault.task.shell;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.shell.core.InputReader;
import org.springframework.test.web.servlet.MockMvc;

import io.taskvault.recovery.OpsDoorsTest;
import io.taskvault.security.Role;
import io.taskvault.system.shell.CommandLine;
import io.taskvault.system.shell.ShellFailure;
import io.taskvault.system.shell.ShellRunner;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;

/** Deleting a task through each door: REST (200, 403, 404, 400), the shell (asks first) and the dashboard. */
@OpsDoorsTest
class TaskDeletionDoorsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TaskService tasks;
    @Autowired
    ShellRunner runner;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void restDeletesATaskAnswersWithItsTombstoneAndListsIt() throws Exception {
        Task task = tasks.create(aTask().titled("made by mistake").build(), "alice");

        mvc.perform(delete("/api/tasks/" + task.getKey()).param("reason", "created by mistake")
                        .header("X-Actor", "cleanup-bot"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.key").value(task.getKey()))
                .andExpect(jsonPath("$.title").value("made by mistake"))
                .andExpect(jsonPath("$.deletedBy").value("cleanup-bot"))
                .andExpect(jsonPath("$.reason").value("created by mistake"))
                .andExpect(jsonPath("$.state").value("DELETED")).andExpect(jsonPath("$.archived").value(false))
                .andExpect(jsonPath("$.headHash").value(task.getHistoryHash())).andExpect(jsonPath("$.events").value(1));

        mvc.perform(get("/api/tasks/" + task.getKey())).andExpect(status().isNotFound());
        mvc.perform(get("/api/tombstones")).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].key", hasItem(task.getKey())));
        mvc.perform(get("/api/tombstones/" + task.getKey())).andExpect(status().isOk())
                .andExpect(jsonPath("$.deletedAt").isNotEmpty());
        mvc.perform(delete("/api/tasks/" + task.getKey()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"once more\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.reason").value("created by mistake"));
    }

    @Test
    void restRefusesAnOperatorAnUnknownTaskAMissingReasonAndAnUnknownParameter() throws Exception {
        Task task = tasks.create(aTask().build(), "alice");

        mvc.perform(delete("/api/tasks/" + task.getKey()).param("reason", "mine").with(user("otto").roles("OPERATOR", "VIEWER")))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/tasks/TV-999999999").param("reason", "gone")).andExpect(status().isNotFound());
        mvc.perform(delete("/api/tasks/" + task.getKey())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("reason")));
        mvc.perform(delete("/api/tasks/" + task.getKey()).param("reason", "x").param("resaon", "y"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("resaon")));
        mvc.perform(get("/api/tombstones").param("limit", "0")).andExpect(status().isBadRequest());

        assertThat(tasks.find(task.getId())).isPresent();
    }

    @Test
    void shellAsksFirstAndDeletesOnYes() {
        Task kept = tasks.create(aTask().build(), "alice");
        Task doomed = tasks.create(aTask().titled("shell doomed").build(), "alice");
        List<String> questions = new ArrayList<>();

        Run refused = run("n", "delete " + kept.getKey() + " --reason duplicate", questions);
        Run done = run("y", "delete " + doomed.getKey() + " --reason duplicate", questions);
        Run listed = run("n", "tombstones --limit 5", questions);

        assertThat(refused.code()).isZero();
        assertThat(refused.out()).contains("Nothing changed.");
        assertThat(tasks.find(kept.getId())).isPresent();
        assertThat(questions.get(0)).startsWith("delete " + kept.getKey() + " for good").endsWith("? [y/N] ");
        assertThat(done.code()).isZero();
        assertThat(done.out()).contains("Deleted " + doomed.getKey() + "  shell doomed").contains("reason: duplicate");
        assertThat(tasks.find(doomed.getId())).isEmpty();
        assertThat(listed.out()).contains(doomed.getKey()).contains("DELETED").contains("duplicate");
    }

    @Test
    void shellNeedsAReasonAndRefusesANonAdminWithItsOwnExitCode() {
        Task task = tasks.create(aTask().build(), "alice");

        Run noReason = run("y", "delete " + task.getKey() + " --yes", new ArrayList<>());
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("otto", null, Role.OPERATOR.authorities()));
        Run refused = run("y", "delete " + task.getKey() + " --reason mine --yes", new ArrayList<>());
        SecurityContextHolder.clearContext();
        Run unknown = run("y", "delete TV-999999999 --reason gone --yes", new ArrayList<>());

        assertThat(noReason.code()).isEqualTo(ShellFailure.USAGE);
        assertThat(noReason.err()).contains("reason");
        assertThat(refused.code()).isEqualTo(ShellFailure.NOT_ALLOWED);
        assertThat(refused.err()).contains("needs the ADMIN role");
        assertThat(unknown.code()).isEqualTo(ShellFailure.NOT_FOUND);
        assertThat(tasks.find(task.getId())).isPresent();
    }

    @Test
    void dashboardShowsDeleteToAnAdminOnlyAndRedirectsToTheListWithAMessage() throws Exception {
        Task task = tasks.create(aTask().titled("dashboard doomed").build(), "alice");
        String page = "/tasks/" + task.getKey();

        mvc.perform(get(page)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Delete this task")))
                .andExpect(content().string(containsString("hx-confirm=\"Delete " + task.getKey() + " for good?")));
        mvc.perform(get(page).with(user("otto").roles("OPERATOR", "VIEWER"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Delete this task"))));
        mvc.perform(post(page + "/delete").param("reason", "mine").with(csrf())
                        .with(user("otto").roles("OPERATOR", "VIEWER")).header("HX-Request", "true"))
                .andExpect(status().isForbidden());
        assertThat(tasks.find(task.getId())).isPresent();

        mvc.perform(post(page + "/delete").param("reason", "no longer wanted").with(csrf()).header("HX-Request", "true"))
                .andExpect(status().isOk()).andExpect(header().string("HX-Redirect", "/tasks"))
                .andExpect(flash().attribute("flash", containsString("Deleted " + task.getKey())));
        assertThat(tasks.find(task.getId())).isEmpty();
        Task another = tasks.create(aTask().build(), "alice");
        mvc.perform(post("/tasks/" + another.getKey() + "/delete").param("reason", "plain form").with(csrf()))
                .andExpect(redirectedUrl("/tasks"));
        mvc.perform(get("/tasks").flashAttr("flash", "Deleted " + another.getKey() + " (x)"))
                .andExpect(content().string(containsString("Deleted " + another.getKey())));
    }

    private Run run(String answer, String line, List<String> questions) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputReader person = new InputReader() {
            @Override
            public String readInput(String prompt) {
                questions.add(prompt);
                return answer;
            }
        };
        int code = runner.execute(CommandLine.parse(line), new PrintWriter(out), new PrintWriter(err), person);
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {
    }
}
