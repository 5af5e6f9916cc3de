package io.taskvault.system.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void keepsQuotedBlanksAndRequotesThemForTheShellParser() {
        CommandLine line = CommandLine.parse("add 'Fix it' --description=\"a \\\"b\\\" c\"");

        assertThat(line.words()).containsExactly("add", "Fix it", "--description=a \"b\" c");
        assertThat(line.toShellSyntax()).isEqualTo("add \"Fix it\" --description=\"a \\\"b\\\" c\"");
    }

    @Test
    void takesOutShellWideFlagsAndSpellsOutBareBooleanFlags() {
        CommandLine line = CommandLine.parse("output list TV-1 --json --no-color --debug -y");

        assertThat(line.words()).containsExactly("output", "list", "TV-1", "--json=true", "--yes=true");
        assertThat(line.noColor()).isTrue();
        assertThat(line.debug()).isTrue();
    }

    @Test
    void dropsSpringPropertiesPassedWithACommand() {
        CommandLine line = CommandLine.ofArgs(new String[] {"--taskvault.store.path=x", "list", "--server.port=0"});

        assertThat(line.words()).containsExactly("list");
    }

    @Test
    void anUnclosedQuoteIsAUsageError() {
        assertThatThrownBy(() -> CommandLine.parse("add \"oops")).isInstanceOf(ShellUsageException.class)
                .hasMessageContaining("unclosed \" quote");
    }

    @Test
    void joinsANegativeNumberToTheOptionBeforeItSoTheCommandCanRejectIt() {
        CommandLine line = CommandLine.parse("list --limit -1 --state RUNNING");

        assertThat(line.words()).containsExactly("list", "--limit=-1", "--state", "RUNNING");
    }
}
