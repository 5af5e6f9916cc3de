package io.taskvault.system.shell;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;

import io.taskvault.task.shell.ShellTest;
import io.taskvault.task.Task;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskService;

@ShellTest
@ExtendWith(OutputCaptureExtension.class)
class ShellRunnerTest {

    @Autowired
    ShellRunner runner;
    @Autowired
    TaskService tasks;
    @Autowired
    ShellSessions sessions;

    @Test
    void isTheOnlyApplicationRunnerSoSpringShellsOwnRunnerBacksOff(@Autowired ApplicationContext context) {
        assertThat(context.getBeansOfType(ApplicationRunner.class).values()).singleElement().isSameAs(runner);
    }

    @Test
    void programArgumentsRunOneCommandAndAreRecordedAsASingleCommandSession(CapturedOutput output) {
        runner.run(new DefaultApplicationArguments("--taskvault.store.cache-size-mb=64", "add", "Scripted task",
                "--role", "ops runner", "--json"));

        Task created = tasks.list(TaskQuery.all().withText("Scripted task")).tasks().get(0);
        assertThat(created.getRole()).isEqualTo("ops runner");
        assertThat(output.getOut()).contains("\"key\" : \"" + created.getKey() + "\"");
        assertThat(sessions.recent(5)).anySatisfy(s -> {
            assertThat(s.mode()).isEqualTo("command");
            assertThat(s.endedAt()).isNotNull();
            assertThat(s.commands()).singleElement().satisfies(c -> {
                assertThat(c.text()).isEqualTo("add Scripted task --role ops runner --json=true");
                assertThat(c.exitStatus()).isZero();
            });
        });
    }

    @Test
    void aFailingProgramCommandPrintsOneErrorLineOnStandardError(CapturedOutput output) {
        runner.run(new DefaultApplicationArguments("retry", "TV-424242"));

        assertThat(output.getErr()).contains("error: No task TV-424242 exists").doesNotContain("Exception");
        assertThat(sessions.recent(5)).anySatisfy(s -> assertThat(s.commands()).singleElement()
                .satisfies(c -> assertThat(c.exitStatus()).isEqualTo(ShellFailure.NOT_FOUND)));
    }

    //why: read from the runner's own logger, not the console: a context started earlier in the same JVM may have
    //    raised the console's threshold or the logger's level, which made this test depend on the order of classes
    @Test
    void withoutArgumentsOrATerminalItOnlyServesAndReturns() {
        Logger logger = (Logger) LoggerFactory.getLogger(ShellRunner.class);
        Level level = logger.getLevel();
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        logger.setLevel(Level.INFO);
        try {
            runner.run(new DefaultApplicationArguments());
        } finally {
            logger.detachAppender(events);
            logger.setLevel(level);
        }

        assertThat(events.list).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(message -> message.contains("serving only, no prompt"));
    }
}
