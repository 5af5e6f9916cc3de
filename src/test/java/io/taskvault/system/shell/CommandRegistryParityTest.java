package io.taskvault.system.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.shell.core.autoconfigure.CommandRegistryAutoConfiguration;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.completion.DefaultCompletionProvider;

import io.taskvault.support.EmbeddedStoreTest;

/** taskvault's registry holds the commands Spring Shell's own registry would, each described the same way. */
@EmbeddedStoreTest
class CommandRegistryParityTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    CommandRegistry registry;

    @Test
    void everyCommandIsTheOneSpringShellWouldRegister() {
        CommandRegistry springShells = new CommandRegistryAutoConfiguration().commandRegistry(context);
        springShells.setApplicationContext(context);
        Map<String, Command> theirs = byName(springShells);
        Map<String, Command> ours = byName(registry);

        assertThat(ours.keySet()).hasSizeGreaterThan(40).containsExactlyInAnyOrderElementsOf(theirs.keySet());
        ours.forEach((name, command) -> {
            Command expected = theirs.get(name);
            assertThat(command.getDescription()).as(name).isEqualTo(expected.getDescription());
            assertThat(command.getGroup()).as(name).isEqualTo(expected.getGroup());
            assertThat(command.getHelp()).as(name).isEqualTo(expected.getHelp());
            assertThat(command.isHidden()).as(name).isEqualTo(expected.isHidden());
            assertThat(command.getAliases()).as(name).isEqualTo(expected.getAliases());
            assertThat(command.getOptions()).as(name).isEqualTo(expected.getOptions());
            if (expected.getCompletionProvider() instanceof DefaultCompletionProvider) {
                assertThat(command.getCompletionProvider()).as(name).isInstanceOf(DefaultCompletionProvider.class);
            } else {
                //why: the shell's completer tells a command's own provider from the default by identity
                assertThat(command.getCompletionProvider()).as(name).isSameAs(expected.getCompletionProvider());
            }
            assertThat(command.getAvailabilityProvider().get().isAvailable()).as(name)
                    .isEqualTo(expected.getAvailabilityProvider().get().isAvailable());
        });
    }

    private static Map<String, Command> byName(CommandRegistry registry) {
        registry.afterSingletonsInstantiated();
        return registry.getCommands().stream().collect(Collectors.toMap(Command::getName, Function.identity()));
    }
}
