package io.taskvault.task.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.test.ShellTestClient;

import io.taskvault.system.shell.ShellFailure;
import io.taskvault.system.shell.ShellRunner;

/** Every registered command, whichever package declares it, explains itself in 'help' with an example. */
@ShellTest
class ShellHelpTest {

    @Autowired
    CommandRegistry registry;
    @Autowired
    ShellTestClient shell;

    List<Command> commands() {
        return registry.getCommands().stream().filter(c -> !c.isHidden()).toList();
    }

    @Test
    void theRegistryHoldsTheCommandsOfEveryShellPackage() {
        assertThat(commands()).extracting(Command::getName).contains("add", "list", "output show", "edge add", "next",
                "context list", "prompt-context", "recovery run", "archive run", "backup create", "integrity verify",
                "export", "import taskvault", "schema status", "schema upgrade", "help");
    }

    @Test
    void everyCommandHasADescriptionAndAnExampleThatStartsWithItsName() throws Exception {
        for (Command command : commands()) {
            String help = String.join("\n", shell.sendCommand("help " + command.getName()).lines());

            assertThat(command.getDescription()).as(command.getName()).isNotBlank().isNotEqualTo("N/A");
            assertThat(help).as("help " + command.getName()).contains(command.getDescription(), "Example:");
            String example = help.substring(help.indexOf("Example:") + "Example:".length()).trim();
            assertThat(Stream.concat(Stream.of(command.getName()), command.getAliases().stream()))
                    .as("example of " + command.getName() + ": " + example)
                    .anySatisfy(name -> assertThat(example).startsWith(name));
        }
    }

    @Test
    void everyOptionOfTheTaskGraphAndContextCommandsIsDescribed() {
        commands().stream().filter(c -> c.getGroup() != null && List.of(TaskCommands.GROUP, LifecycleCommands.GROUP,
                        HistoryCommands.GROUP, OutputCommands.GROUP, ReportCommands.GROUP, "Dependencies", "Context")
                .contains(c.getGroup()))
                .forEach(c -> assertThat(c.getOptions()).as(c.getName())
                        .allSatisfy(o -> assertThat(o.description()).as(c.getName() + " --" + o.longName()).isNotBlank()));
    }

    @Test
    void helpForAnUnknownCommandSaysHowToListThem(@Autowired ShellRunner runner) {
        ShellDriver.Result result = new ShellDriver(runner).run("help frobnicate");

        assertThat(result.exitCode()).isEqualTo(ShellFailure.USAGE);
        assertThat(result.err()).containsExactly("error: help: no command 'frobnicate'; type 'help' to see them all");
    }
}
