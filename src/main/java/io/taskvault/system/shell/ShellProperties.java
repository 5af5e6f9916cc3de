package io.taskvault.system.shell;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the shell ends.
 *
 * @param exitOnFinish the process exits after a one-shot command or when the prompt is left (off in tests that run
 *                     commands inside a shared application)
 */
@ConfigurationProperties("taskvault.shell")
public record ShellProperties(@DefaultValue("true") boolean exitOnFinish) {
}
