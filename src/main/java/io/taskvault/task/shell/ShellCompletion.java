package io.taskvault.task.shell;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.jline.CommandCompleter;

import io.taskvault.system.shell.ShellCompleter;

/** Tab completion at the prompt: replaces Spring Shell's completer with {@link ShellCompleter}. */
@Configuration(proxyBeanMethods = false)
class ShellCompletion {

    @Bean
    CommandCompleter commandCompleter(CommandRegistry registry, CompletionValues values) {
        return new ShellCompleter(registry, values);
    }
}
