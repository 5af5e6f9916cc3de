package io.taskvault;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

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

import io.taskvault.support.BesideTheSequence;

/**
 * The package picture the build keeps: top-level packages form no cycle, a feature's doors (REST, dashboard, shell)
 * reach their own feature, the task domain and the shared infrastructure but no other feature's doors or storage,
 * and only store/ knows the embedded engine.
 */
@BesideTheSequence
class ArchitectureTest {

    private static final String ROOT = "io.taskvault";
    private static final Set<String> DOORS = Set.of("api", "web", "shell");
    private static final Set<String> SHARED = Set.of("system", "security");

    //why: the task feature's door types other features' doors are meant to share, so a task reads and filters the
    //    same at every door: the task as every REST door answers it (issue 18's API record), and the task list's
    //    filter as each kind of door reads it (REST parameters, dashboard form, shell options) for the list itself,
    //    the filtered export and the saved views; each turns door input into the task domain's TaskQuery, so it
    //    cannot live in the shared infrastructure, which knows no feature
    private static final Set<String> PUBLISHED = Set.of(ROOT + ".task.api.TaskResponse",
            ROOT + ".task.api.TaskSearchQuery", ROOT + ".task.web.TaskFilter", ROOT + ".task.shell.TaskListOptions");

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

    //why: the rules above see a door by its package, so a controller or a command class outside a door package
    //    (the schema doors once sat in store.schema beside the engine) would escape them unseen
    @Test
    void everyControllerAndCommandLivesInADoorPackage() {
        ArchRule rule = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that(DescribedPredicate.describe("answer web requests or shell commands",
                        ArchitectureTest::answersRequests))
                .and().resideOutsideOfPackages(SHARED.stream().map(name -> ROOT + "." + name + "..").toArray(String[]::new))
                .should(resideInADoorPackage());
        rule.check(CLASSES);
    }

    @Test
    void doorsCallServicesNotTheDatabase() {
        ArchRule rule = noClasses().that(areDoors())
                .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.springframework.data.mongodb..");
        rule.check(CLASSES);
    }

    /** The top-level package of a class of ours ("task" for io.taskvault.task.web.TaskView), or "" for the root. */
    private static String feature(JavaClass type) {
        String[] parts = type.getPackageName().split("\\.");
        return parts.length > 2 ? parts[2] : "";
    }

    /** A class in a door package (api, web, shell) at any depth below its feature: task.api, store.schema.shell. */
    private static boolean isDoor(JavaClass type) {
        String[] parts = type.getPackageName().split("\\.");
        if (!type.getPackageName().startsWith(ROOT + ".") || parts.length <= 3 || SHARED.contains(parts[2])) {
            return false;
        }
        return Arrays.stream(parts, 3, parts.length).anyMatch(DOORS::contains);
    }

    /** Answers web requests or shell commands: a controller, an advice for them, or a class with @Command methods. */
    private static boolean answersRequests(JavaClass type) {
        //why: by the annotations themselves, as Spring's jars are not imported and their meta-annotations unknown here
        return Stream.of(Controller.class, RestController.class, ControllerAdvice.class, RestControllerAdvice.class)
                .anyMatch(type::isAnnotatedWith)
                || type.getMethods().stream().anyMatch(method -> method.isAnnotatedWith(Command.class));
    }

    private static DescribedPredicate<JavaClass> areDoors() {
        return DescribedPredicate.describe("are a feature's doors (its api, web or shell package)",
                ArchitectureTest::isDoor);
    }

    private static ArchCondition<JavaClass> resideInADoorPackage() {
        return new ArchCondition<>("reside in a feature's api, web or shell package") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                events.add(new SimpleConditionEvent(type, isDoor(type),
                        type.getName() + " answers requests outside a feature's api, web or shell package"));
            }
        };
    }

    private static ArchCondition<JavaClass> reachOnlyTheirFeatureTheTaskDomainAndSharedInfrastructure() {
        return new ArchCondition<>("reach only their own feature, the task domain and the shared infrastructure") {
            @Override
            public void check(JavaClass door, ConditionEvents events) {
                for (Dependency dependency : door.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    if (!target.getPackageName().startsWith(ROOT + ".") || allowed(door, target)
                            || PUBLISHED.contains(outermost(target))) {
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
