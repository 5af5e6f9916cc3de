package io.taskvault.preferences;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import io.taskvault.task.InvalidTaskException;
import io.taskvault.task.Task;
import io.taskvault.task.TaskDraft;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;

/** The preferences store's contract: the same behaviour on every MongoDB taskvault can run on. */
abstract class PreferencesContract {

    @Autowired
    PreferencesService preferences;

    @Autowired
    TaskService tasks;

    @Autowired
    MongoTemplate mongo;

    String person;
    String role;

    @BeforeEach
    void signIn() {
        person = "person-" + UUID.randomUUID();
        role = "role-" + UUID.randomUUID().toString().substring(0, 8);
        actAs(person);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static void actAs(String name) {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(name, null, "ROLE_ADMIN"));
    }

    @Test
    void opensASavedViewWithTheFiltersGivenAlongsideInPlaceOfItsOwn() {
        Task failed = tasks.create(aTask().withRole(role).build(), "x");
        tasks.transition(failed.getKey(), TaskState.QUEUED, "x", null);
        tasks.transition(failed.getKey(), TaskState.RUNNING, "x", null);
        Task running = tasks.create(aTask().withRole(role).build(), "x");
        tasks.transition(running.getKey(), TaskState.QUEUED, "x", null);
        tasks.transition(running.getKey(), TaskState.RUNNING, "x", null);
        tasks.transition(failed.getKey(), TaskState.FAILED, "x", "boom");
        tasks.create(aTask().withRole("someone-else").build(), "x");
        TaskQuery saved = TaskQuery.all().withRoles(Set.of(role)).withStates(Set.of(TaskState.FAILED))
                .sortedBy(TaskQuery.SortField.KEY, false);

        preferences.saveView("failed-mine", saved);

        assertThat(keys(preferences.open("failed-mine", TaskQuery.all(), false))).containsExactly(failed.getKey());
        TaskQuery overridden = preferences.open("failed-mine", TaskQuery.all().withStates(Set.of(TaskState.RUNNING)), false);
        assertThat(keys(overridden)).containsExactly(running.getKey());
        assertThat(overridden.roles()).containsExactly(role);
        assertThat(overridden.sort()).isEqualTo(TaskQuery.SortField.KEY);
        assertThat(overridden.descending()).isFalse();
        assertThat(preferences.open("failed-mine", TaskQuery.all(), true).sort()).isEqualTo(TaskQuery.SortField.UPDATED);
    }

    @Test
    void keepsViewsPerPersonInOneVersionedDocument() {
        preferences.saveView("mine", TaskQuery.all().withRoles(Set.of(role)));
        preferences.saveView("also-mine", TaskQuery.all());

        Document stored = mongo.getCollection(UserPreferences.COLLECTION).find(new Document("_id", person)).first();
        assertThat(stored).isNotNull();
        assertThat(stored.getInteger("schemaVersion")).isEqualTo(UserPreferences.SCHEMA_VERSION);
        assertThat(stored.get("views", Document.class).keySet()).containsExactlyInAnyOrder("mine", "also-mine");
        assertThat(preferences.views()).extracting(SavedView::name).containsExactly("also-mine", "mine");
        assertThat(preferences.view("mine").filter().roles()).containsExactly(role);

        actAs(person + "-other");
        assertThat(preferences.views()).isEmpty();
    }

    @Test
    void replacesAViewSavedAgainAndForgetsADeletedOne() {
        preferences.saveView("work", TaskQuery.all().withStates(Set.of(TaskState.PENDING)));
        preferences.saveView("work", TaskQuery.all().withStates(Set.of(TaskState.BLOCKED)));
        assertThat(preferences.view("work").filter().states()).containsExactly(TaskState.BLOCKED);

        preferences.deleteView("work");

        assertThat(preferences.views()).isEmpty();
        assertThatThrownBy(() -> preferences.deleteView("work")).isInstanceOf(ViewNotFoundException.class)
                .hasMessageContaining("'work'");
    }

    @Test
    void namesTheClosestViewWhenAskedForOneThatIsNotThere() {
        preferences.saveView("failed", TaskQuery.all());
        preferences.saveView("queued", TaskQuery.all());

        assertThatThrownBy(() -> preferences.open("faild", TaskQuery.all(), false)).isInstanceOf(InvalidTaskException.class)
                .hasMessageContaining("no saved view 'faild'").hasMessageContaining("did you mean 'failed'?");
        assertThatThrownBy(() -> preferences.view("zzzzzzzz")).isInstanceOf(ViewNotFoundException.class)
                .hasMessageContaining("your views: failed, queued");
    }

    @Test
    void refusesAViewNameThatCouldNotBeAPathOrAField() {
        for (String bad : List.of("", "a.b", "$where", "two words", "x".repeat(65))) {
            assertThatThrownBy(() -> preferences.saveView(bad, TaskQuery.all())).isInstanceOf(InvalidTaskException.class)
                    .satisfies(e -> assertThat(((InvalidTaskException) e).errors()).containsKey("name"));
        }
    }

    @Test
    void givesATaskCreatedWithoutRoleOrProviderThePersonsDefaults() {
        preferences.setDefaults(role, "default-provider");

        Task defaulted = tasks.create(TaskDraft.titled("uses my defaults"), person);
        Task explicit = tasks.create(aTask().withRole("chosen").withProvider("chosen-provider").build(), person);
        preferences.setDefaultRole(null);
        Task cleared = tasks.create(TaskDraft.titled("role cleared"), person);
        actAs(person + "-other");
        Task someoneElse = tasks.create(TaskDraft.titled("not my defaults"), person);

        assertThat(defaulted.getRole()).isEqualTo(role);
        assertThat(defaulted.getProvider()).isEqualTo("default-provider");
        assertThat(explicit.getRole()).isEqualTo("chosen");
        assertThat(explicit.getProvider()).isEqualTo("chosen-provider");
        assertThat(cleared.getRole()).isNull();
        assertThat(cleared.getProvider()).isEqualTo("default-provider");
        assertThat(someoneElse.getRole()).isNull();
        assertThat(someoneElse.getProvider()).isNull();
    }

    @Test
    void refusesADefaultATaskCouldNotHaveNamingIt() {
        assertThatThrownBy(() -> preferences.setDefaults("r".repeat(2_001), null)).isInstanceOf(InvalidTaskException.class)
                .satisfies(e -> assertThat(((InvalidTaskException) e).errors()).containsOnlyKeys("defaultRole"));
        assertThat(preferences.mine().defaultRole()).isNull();
    }

    private List<String> keys(TaskQuery query) {
        return tasks.list(query).tasks().stream().map(Task::getKey).toList();
    }
}
