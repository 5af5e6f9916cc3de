package io.taskvault.task.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.taskvault.system.shell.ShellStyle;
import io.taskvault.task.TaskState;

/** Each state keeps its colour on a colour terminal and prints plain without one. */
class StateStyleTest {

    @Test
    void paintsAStateInItsColourOnlyWhenColourIsOn() {
        ShellStyle colour = new ShellStyle(() -> null, () -> true, name -> null) {
            @Override
            public String paint(String code, String text) {
                return code + text;
            }
        };
        ShellStyle plain = new ShellStyle(() -> null, () -> false, name -> null);

        assertThat(StateStyle.state(colour, TaskState.COMPLETED)).isEqualTo("\u001B[32mCOMPLETED");
        assertThat(StateStyle.state(plain, TaskState.FAILED)).isEqualTo("FAILED");
        assertThat(StateStyle.state(plain, null)).isEmpty();
    }

    @Test
    void colourWrapsAPaddedCellAndLeavesOtherWordsAlone() {
        ShellStyle colour = new ShellStyle(() -> null, () -> true, name -> null) {
            @Override
            public String paint(String code, String text) {
                return code + text;
            }
        };

        assertThat(StateStyle.cell(colour, "RUNNING   ")).isEqualTo("\u001B[1;34mRUNNING   ");
        assertThat(StateStyle.cell(colour, "STATE ")).isEqualTo("STATE ");
    }
}
