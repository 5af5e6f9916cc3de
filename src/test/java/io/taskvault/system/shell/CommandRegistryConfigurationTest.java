package io.taskvault.system.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.DefaultCommandParser;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.shell.core.command.completion.CompletionProvider;

/**
 * The registry knows every command from the annotations alone, so listing, help, option checks and completion make
 * no command bean; running a command makes its bean and no other.
 */
class CommandRegistryConfigurationTest {

    //why: lazy, as in the application, so only what asks for a bean makes it
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withInitializer(app -> app.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()))
            .withUserConfiguration(CommandRegistryConfiguration.class, Greetings.class, Farewells.class, Names.class);

    @Test
    void commandsAreDescribedFromTheirAnnotationsWithoutMakingTheirBeans() {
        context.run(app -> {
            CommandRegistry registry = app.getBean(CommandRegistry.class);

            Command hello = registry.getCommandByName("hello");
            assertThat(hello).isNotNull();
            assertThat(hello.getDescription()).isEqualTo("Greets someone");
            assertThat(hello.getHelp()).isEqualTo("hello --name Ada");
            assertThat(hello.getGroup()).isEqualTo("Greetings");
            assertThat(hello.getAliases()).containsExactly("hi");
            assertThat(hello.getOptions()).extracting(CommandOption::longName, CommandOption::shortName,
                    CommandOption::required).containsExactly(tuple("name", 'n', true));
            assertThat(registry.getCommandByName("good bye")).isNotNull()
                    .satisfies(bye -> assertThat(bye.getGroup()).isEqualTo("Farewells Commands"))
                    .satisfies(bye -> assertThat(bye.getDescription()).isEqualTo("N/A"));
            assertThat(registry.getCommandByAlias("hi")).isSameAs(hello);
            assertThat(hello.getCompletionProvider()).isSameAs(app.getBean("names"));
            assertThat(registry.getCommandByName("quit")).isNotNull();
            assertThat(registry.getCommands()).filteredOn(command -> command.getName().equals("hello")).singleElement()
                    .isEqualTo(hello);

            assertThat(made(app, Greetings.class)).isFalse();
            assertThat(made(app, Farewells.class)).isFalse();
        });
    }

    @Test
    void runningACommandMakesItsOwnBeanOnly() {
        context.run(app -> {
            StringWriter out = new StringWriter();

            ExitStatus status = run(app, "hello --name Ada", out);

            assertThat(status).isEqualTo(ExitStatus.OK);
            assertThat(out.toString()).isEqualTo("Hello, Ada" + System.lineSeparator());
            assertThat(made(app, Greetings.class)).isTrue();
            assertThat(made(app, Farewells.class)).isFalse();
        });
    }

    @Test
    void aMissingOptionIsRefusedBySpringShellsOwnCommand() {
        context.run(app -> {
            assertThatThrownBy(() -> run(app, "hello", new StringWriter())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Required option '--name' is missing.");
        });
    }

    /** Runs {@code line} as the shell would: parsed, then the named command executed with its output to {@code out}. */
    private static ExitStatus run(ConfigurableApplicationContext app, String line, StringWriter out) throws Exception {
        CommandRegistry registry = app.getBean(CommandRegistry.class);
        var parsed = new DefaultCommandParser(registry).parse(line);
        return registry.getCommandByName(parsed.commandName()).execute(new CommandContext(parsed, registry,
                new PrintWriter(out), new InputReader() { }));
    }

    private static boolean made(ConfigurableApplicationContext app, Class<?> type) {
        return app.getBeanFactory().containsSingleton(app.getBeanNamesForType(type)[0]);
    }

    //why: no stereotype, so Spring Shell's own scan (CommandRegistryParityTest) does not find these test commands
    static class Greetings {
        @org.springframework.shell.core.command.annotation.Command(name = "hello", alias = "hi",
                description = "Greets someone", help = "hello --name Ada", group = "Greetings",
                completionProvider = "names")
        String hello(@Option(longName = "name", shortName = 'n', required = true) String name) {
            return "Hello, " + name;
        }
    }

    static class Farewells {
        @org.springframework.shell.core.command.annotation.Command(name = {"good", "bye"})
        String goodBye() {
            return "Bye";
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Names {
        @Bean
        CompletionProvider names() {
            return completion -> List.of();
        }
    }
}
