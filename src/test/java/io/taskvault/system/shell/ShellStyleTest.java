package io.taskvault.system.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;

import org.jline.terminal.Terminal;
import org.junit.jupiter.api.Test;

/** Colour only for a person at a real terminal: never with NO_COLOR, --no-color, a dumb terminal or no console. */
class ShellStyleTest {

    static Terminal terminal(String type, int width) {
        Terminal terminal = mock(Terminal.class);
        when(terminal.getType()).thenReturn(type);
        when(terminal.getWidth()).thenReturn(width);
        return terminal;
    }

    static ShellStyle style(Terminal terminal, boolean console, Map<String, String> environment) {
        return new ShellStyle(() -> terminal, () -> console, environment::get);
    }

    @Test
    void paintsOnARealTerminal() {
        ShellStyle style = style(terminal("xterm-256color", 100), true, Map.of());

        assertThat(style.error("error: boom")).isEqualTo("\u001B[31merror: boom\u001B[0m");
        assertThat(style.paint("\u001B[32m", "COMPLETED")).isEqualTo("\u001B[32mCOMPLETED\u001B[0m");
        assertThat(style.width()).isEqualTo(100);
    }

    @Test
    void noColorInTheEnvironmentTurnsColourOffWhateverItsValue() {
        ShellStyle style = style(terminal("xterm-256color", 100), true, Map.of("NO_COLOR", ""));

        assertThat(style.error("error: boom")).isEqualTo("error: boom");
        assertThat(style.paint("\u001B[1;31m", "FAILED")).isEqualTo("FAILED");
    }

    @Test
    void noColorOnTheCommandTurnsColourOffForThatCommandOnly() {
        ShellStyle style = style(terminal("xterm-256color", 100), true, Map.of());

        style.colourOffForCommand(true);
        String during = style.bold("taskvault");
        style.colourOffForCommand(false);

        assertThat(during).isEqualTo("taskvault");
        assertThat(style.bold("taskvault")).isEqualTo("\u001B[1mtaskvault\u001B[0m");
    }

    @Test
    void pipedOutputAndDumbTerminalsGetPlainTextAndAFallbackWidth() {
        ShellStyle piped = style(terminal("xterm-256color", 0), false, Map.of());
        ShellStyle dumb = style(terminal("dumb", 0), true, Map.of());

        assertThat(piped.colour()).isFalse();
        assertThat(dumb.colour()).isFalse();
        assertThat(dumb.ok("ok")).isEqualTo("ok");
        assertThat(piped.width()).isEqualTo(ShellStyle.FALLBACK_WIDTH);
    }

    @Test
    void pipedOutputNeverMakesATerminal() {
        ShellStyle piped = new ShellStyle(() -> {
            throw new AssertionError("no terminal should be made without a console");
        }, () -> false, name -> null);

        assertThat(piped.width()).isEqualTo(ShellStyle.FALLBACK_WIDTH);
        assertThat(piped.wrap("a few words")).isEqualTo("a few words");
        assertThat(piped.error("error: boom")).isEqualTo("error: boom");
    }

    @Test
    void wrapsLongTextAtBlanksWithinTheTerminalAndAHundredColumns() {
        ShellStyle narrow = style(terminal("xterm-256color", 20), true, Map.of());
        ShellStyle wide = style(terminal("xterm-256color", 300), true, Map.of());
        String text = "TV-2 is ready (all 1 dependencies completed), priority MEDIUM\nsecond paragraph";

        assertThat(narrow.wrap(text).lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(20))
                .contains("second paragraph");
        assertThat(wide.wrap("word ".repeat(40).trim()).lines()).hasSize(2)
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
    }
}
