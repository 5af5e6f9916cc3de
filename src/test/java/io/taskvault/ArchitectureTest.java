package io.taskvault;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Set;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The package picture the build keeps: top-level packages form no cycle, a feature's doors (REST, dashboard, shell)
 * reach their own feature, the task domain and the shared infrastructure but no other feature's doors or storage,
 * and only store/ knows the embedded engine.
 */
class ArchitectureTest {

    private static final String ROOT = "io.taskvault";
    private static final Set<String> DOORS = Set.of("api", "web", "shell");
    private static final Set<String> SHARED = Set.of("system", "security");

    //why: the task as every REST door answers it (issue 18's API record): one shape, published for all features' doors
    private static final Set<String> PUBLISHED = Set.of(ROOT + ".task.api.TaskResponse");

    //why: doors that still reach past their feature, each to be moved behind a service or into shared infrastructure;
    //    an entry goes once its reach is gone, and any reach not listed fails the build
    private static final Set<String> KNOWN_DOOR_REACHES = Set.of(
            "io.taskvault.context.web.ContextView -> io.taskvault.task.web.Formats",
            "io.taskvault.context.web.TaskContextController -> io.taskvault.task.web.LogPage",
            "io.taskvault.events.api.EventsApiController -> io.taskvault.task.api.KnownParameters",
            "io.taskvault.exchange.api.TaskExportApiController -> io.taskvault.task.api.KnownParameters",
            "io.taskvault.exchange.api.TaskExportApiController -> io.taskvault.task.api.TaskSearchQuery",
            "io.taskvault.exchange.shell.TaskExportCommands -> io.taskvault.task.shell.TaskCommands",
            "io.taskvault.exchange.web.TaskExportController -> io.taskvault.task.web.TaskFilter",
            "io.taskvault.task.web.LiveController -> io.taskvault.store.StoreChanges",
            "io.taskvault.story.web.StoryPageController -> io.taskvault.task.web.Formats",
            "io.taskvault.story.web.StoryPageController -> io.taskvault.store.StoreChanges",
            "io.taskvault.preferences.api.ViewBody -> io.taskvault.task.api.TaskSearchQuery",
            "io.taskvault.preferences.shell.PreferencesCommands -> io.taskvault.task.shell.TaskCommands",
            "io.taskvault.preferences.web.PreferencesController -> io.taskvault.task.web.Formats",
            "io.taskvault.preferences.web.PreferencesController -> io.taskvault.task.web.TaskFilter");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(ROOT);

    @Test
    void topLevelPackagesFormNoCycle() {
        ArchRule rule = slices().matching(ROOT + ".(*)..").namingSlices("$1")
                .should().beFreeOfCycles();
        rule.check(CLASSES);
    }

    @Test
    void doorsReachNoOtherFeaturesDoorsOrStorage() {
        ArchRule rule = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that(areDoors())
                .should(reachOnlyTheirFeatureTheTaskDomainAndSharedInfrastructure());
        rule.check(CLASSES);
    }

    @Test
    void onlyTheStoreKnowsTheEmbeddedEngine() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage(ROOT + ".store..")
                .should().dependOnClassesThat().resideInAnyPackage("de.bwaldvogel..", "org.h2..");
        rule.check(CLASSES);
    }

    @Test
    void doorsCallServicesNotTheDatabase() {
        ArchRule rule = noClasses().that(areDoors()).and().resideOutsideOfPackage(ROOT + ".store..")
                .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.springframework.data.mongodb..");
        rule.check(CLASSES);
    }

    /** The top-level package of a class of ours ("task" for io.taskvault.task.web.TaskView), or "" for the root. */
    private static String feature(JavaClass type) {
        String[] parts = type.getPackageName().split("\\.");
        return parts.length > 2 ? parts[2] : "";
    }

    private static boolean isDoor(JavaClass type) {
        String[] parts = type.getPackageName().split("\\.");
        return type.getPackageName().startsWith(ROOT + ".") && parts.length > 3 && DOORS.contains(parts[3])
                && !SHARED.contains(parts[2]);
    }

    private static DescribedPredicate<JavaClass> areDoors() {
        return DescribedPredicate.describe("are a feature's doors (its api, web or shell package)",
                ArchitectureTest::isDoor);
    }

    private static ArchCondition<JavaClass> reachOnlyTheirFeatureTheTaskDomainAndSharedInfrastructure() {
        return new ArchCondition<>("reach only their own feature, the task domain and the shared infrastructure") {
            @Override
            public void check(JavaClass door, ConditionEvents events) {
                for (Dependency dependency : door.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    String reach = outermost(door) + " -> " + outermost(target);
                    if (!target.getPackageName().startsWith(ROOT + ".") || allowed(door, target)
                            || PUBLISHED.contains(outermost(target)) || KNOWN_DOOR_REACHES.contains(reach)) {
                        continue;
                    }
                    events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                }
            }
        };
    }

    private static String outermost(JavaClass type) {
        return type.getName().split("\\$")[0];
    }

    private static boolean allowed(JavaClass door, JavaClass target) {
        String own = feature(door);
        String other = feature(target);
        if (other.equals(own) || SHARED.contains(other)) {
            return true;
        }
        if (isDoor(target)) {
            return false;
        }
        //why: a feature's storage is its own; other features go through its service
        return !target.getSimpleName().endsWith("Store") && !other.equals("store");
    }
}
