package io.taskvault.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.CommandRegistry;

import io.micrometer.core.instrument.MeterRegistry;
import io.taskvault.archive.ArchiveStore;
import io.taskvault.preferences.UserPreferences;
import io.taskvault.store.StoreChanges;
import io.taskvault.support.EmbeddedStoreTest;
import io.taskvault.system.shell.CommandLine;
import io.taskvault.system.shell.ShellRunner;
import io.taskvault.task.TaskState;

/**
 * The server makes its beans when first needed (the default settings), yet everything that must begin with it does:
 * the periodic jobs are scheduled, the caches hear store writes, the meters exist, without anything asking for them;
 * once ready, every bean left for first use can be made.
 */
@EmbeddedStoreTest
class LazyStartTest {

    @Autowired
    ConfigurableListableBeanFactory beans;
    @Autowired
    List<ScheduledTaskHolder> schedulers;
    @Autowired
    MeterRegistry registry;
    @Autowired
    CacheManager caches;
    @Autowired
    StoreChanges changes;

    @Test
    void beansAreMadeWhenFirstNeededByDefault() {
        assertThat(beans.getBeanDefinition("taskApiController").isLazyInit()).isTrue();
    }

    @Test
    void libraryBeansThatServeOnlyRequestsOrCommandsAreLeftForFirstUse() {
        //why: springdoc marks its beans eager and Boot never makes Spring Shell's registry lazy; both only serve a
        //    request or a command
        for (String name : List.of("commandRegistry", "openApiResource", "springDocApiVersionCustomizer")) {
            assertThat(beans.getBeanDefinition(name).isLazyInit()).as(name).isTrue();
        }
    }

    @Test
    void theCommandRegistryHasEveryCommandOnceACommandRan(@Autowired ShellRunner runner) {
        StringWriter out = new StringWriter();
        int code = runner.execute(CommandLine.parse("version"), new PrintWriter(out), new PrintWriter(new StringWriter()),
                new InputReader() { });

        assertThat(code).as(out.toString()).isZero();
        //why: Spring Shell's 'script' needs the registry itself, so the registry adds it only in its after-start callback
        assertThat(beans.getBean(CommandRegistry.class).getCommandByName("script")).isNotNull();
    }

    @Test
    void theBeansLeftForFirstUseCanAllBeMadeAfterReady(@Autowired WarmUpAfterReady warmUp) {
        warmUp.makeLeftBeans();

        assertThat(Arrays.stream(beans.getBeanDefinitionNames()).filter(name -> !beans.containsSingleton(name))
                .filter(name -> beans.getMergedBeanDefinition(name).isSingleton())
                .filter(name -> !beans.getMergedBeanDefinition(name).isAbstract())).isEmpty();
    }

    @Test
    void everyPeriodicJobIsScheduledAtStart() {
        List<String> tasks = schedulers.stream().flatMap(holder -> holder.getScheduledTasks().stream())
                .map(ScheduledTask::toString).toList();

        assertThat(tasks).anyMatch(task -> task.contains("ArchivalJob")).anyMatch(task -> task.contains("Backups"))
                .anyMatch(task -> task.contains("IntegrityCheck")).anyMatch(task -> task.contains("LeaseRecovery"))
                .anyMatch(task -> task.contains("StoreSessions"));
    }

    @Test
    void theCachesFedByStoreWritesAndTheMetersAreMadeAtStart() {
        //why: nothing depends on these beans, so a lazy one would never be made and its cache never cleared
        for (String name : List.of("nextTaskCache", "preferencesCache", "archivedTaskCache", "promptContextCache",
                "operationsMetrics")) {
            assertThat(beans.getBeanDefinition(name).isLazyInit()).as(name).isFalse();
            assertThat(beans.containsSingleton(name)).as(name + " made").isTrue();
        }
        assertThat(registry.find("taskvault.tasks").gauges()).hasSize(TaskState.values().length);
        assertThat(registry.find("taskvault.integrity.problems").gauge()).isNotNull();
    }

    @Test
    void theCachesAreClearedByAWriteAfterStart() {
        List<String> names = List.of("next-task", "prompt-context", "user-preferences", "archived-tasks");
        List<Cache> filled = names.stream().map(caches::getCache).toList();
        filled.forEach(cache -> cache.put("key", "value"));

        //why: a write to each collection a cache watches, as the store reports it
        List.of(UserPreferences.COLLECTION, ArchiveStore.COLLECTION).forEach(changes::written);

        assertThat(filled).allSatisfy(cache -> assertThat(cache.get("key")).as(cache.getName()).isNull());
    }

    @Test
    void healthIndicatorsJobsAndTaskvaultSettingsStayEagerButOrdinaryBeansDoNot() {
        assertThat(Arrays.stream(beans.getBeanDefinitionNames())
                .filter(name -> name.endsWith("HealthIndicator") || name.endsWith("Properties") && isTaskvault(name))
                .filter(name -> beans.getBeanDefinition(name).isLazyInit())).isEmpty();
    }

    private boolean isTaskvault(String name) {
        Class<?> type = beans.getType(name);
        return type != null && type.getPackageName().startsWith("io.taskvault");
    }
}
