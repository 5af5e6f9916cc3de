package io.taskvault.preferences.shell;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.test.ShellScreen;
import org.springframework.shell.test.ShellTestClient;

import io.taskvault.preferences.PreferencesService;
import io.taskvault.preferences.SavedView;
import io.taskvault.support.EmbeddedStoreTest;
import io.taskvault.task.Task;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;

@EmbeddedStoreTest
class PreferencesCommandsTest {

    @Autowired
    ShellTestClient shell;
    @Autowired
    TaskService tasks;
    @Autowired
    PreferencesService preferences;

    //why: the shell acts as this machine's user, whose preferences every test in this context shares
    @AfterEach
    void forget() {
        preferences.views().stream().map(SavedView::name).forEach(preferences::deleteView);
        preferences.setDefaults(null, null);
    }

    private String text(ShellScreen screen) {
        return String.join("\n", screen.lines());
    }

    @Test
    void savesAViewAndListsItsTasksAgainWithOptionsGivenAlongsideReplacingTheViews() throws Exception {
        String role = "shellview-" + UUID.randomUUID().toString().substring(0, 8);
        Task queued = tasks.create(aTask().titled("queued one").withRole(role).build(), "t");
        tasks.transition(queued.getKey(), TaskState.QUEUED, "t", null);
        Task pending = tasks.create(aTask().titled("pending one").withRole(role).build(), "t");
        Task elsewhere = tasks.create(aTask().withRole("other-" + role).build(), "t");

        String saved = text(shell.sendCommand("view save mine --role " + role + " --state QUEUED --sort key:asc"));
        String views = text(shell.sendCommand("views"));
        String listed = text(shell.sendCommand("list --view mine"));
        String overridden = text(shell.sendCommand("list --view mine --state PENDING"));

        assertThat(saved).contains("Saved view 'mine'", "state QUEUED", "role " + role, "sort key asc", "list --view mine");
        assertThat(views).contains("mine", "state QUEUED");
        assertThat(listed).contains(queued.getKey()).doesNotContain(pending.getKey(), elsewhere.getKey());
        assertThat(overridden).contains(pending.getKey()).doesNotContain(queued.getKey(), elsewhere.getKey());
    }

    @Test
    void savesAViewOfTheWordsGivenWithSearch() throws Exception {
        String word = "viewsearch" + UUID.randomUUID().toString().substring(0, 8);
        Task found = tasks.create(aTask().titled("Holds " + word).build(), "t");
        Task other = tasks.create(aTask().titled("Holds nothing").build(), "t");

        shell.sendCommand("view save by-words --search " + word);
        String listed = text(shell.sendCommand("list --view by-words"));
        String replaced = text(shell.sendCommand("list --view by-words --search nothing"));

        assertThat(listed).contains(found.getKey(), "1 of 1 task").doesNotContain(other.getKey() + " ");
        assertThat(replaced).contains(other.getKey()).doesNotContain(found.getKey() + " ");
    }

    @Test
    void savesAViewOfAStoryEpicAndPersona() throws Exception {
        String story = "SHELLVIEW-" + UUID.randomUUID().toString().substring(0, 8);
        Task inStory = tasks.create(aTask().inStory(story).inEpic("E-" + story).forPersona("qa").build(), "t");
        Task otherPersona = tasks.create(aTask().inStory(story).inEpic("E-" + story).forPersona("dev").build(), "t");

        String saved = text(shell.sendCommand("view save story-qa --story " + story + " --epic E-" + story
                + " --persona qa"));
        String listed = text(shell.sendCommand("list --view story-qa"));

        assertThat(saved).contains("story " + story, "epic E-" + story, "persona qa");
        assertThat(listed).contains(inStory.getKey()).doesNotContain(otherPersona.getKey());
    }

    @Test
    void namesTheClosestViewForAnUnknownOneAndForgetsADeletedOne() throws Exception {
        shell.sendCommand("view save failed-backend --state FAILED");

        assertThatThrownBy(() -> shell.sendCommand("list --view failed-bakend")).rootCause()
                .hasMessageContaining("no saved view 'failed-bakend'; did you mean 'failed-backend'?");
        String deleted = text(shell.sendCommand("view delete failed-backend"));
        assertThatThrownBy(() -> shell.sendCommand("view delete failed-backend")).rootCause()
                .hasMessageContaining("no saved view 'failed-backend'");

        assertThat(deleted).contains("Deleted view 'failed-backend'");
        assertThat(preferences.views()).isEmpty();
    }

    @Test
    void setsDefaultsThatATaskAddedWithoutThemGets() throws Exception {
        String role = text(shell.sendCommand("prefs set default-role prefs-backend"));
        shell.sendCommand("prefs set default-provider prefs-claude");
        String shown = text(shell.sendCommand("prefs"));
        shell.sendCommand("add Defaulted by my preferences");
        Task added = tasks.list(TaskQuery.all().withText("Defaulted by my preferences")).tasks().get(0);

        assertThat(role).contains("default-role", "prefs-backend");
        assertThat(shown).contains("default-role      prefs-backend", "default-provider  prefs-claude");
        assertThat(added.getRole()).isEqualTo("prefs-backend");
        assertThat(added.getProvider()).isEqualTo("prefs-claude");
        assertThatThrownBy(() -> shell.sendCommand("prefs set default-rol x")).rootCause()
                .hasMessageContaining("'default-rol' is not a preference").hasMessageContaining("did you mean 'default-role'?");

        shell.sendCommand("prefs unset default-role");
        assertThat(preferences.mine().defaultRole()).isNull();
        assertThat(preferences.mine().defaultProvider()).isEqualTo("prefs-claude");
    }
}
