package io.taskvault.system.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.taskvault.system.InvalidInputException;
import tools.jackson.databind.json.JsonMapper;

/** The launcher's request body, read in one pass: what it carries, and every bad field named at once. */
class DelegatedCommandBodyTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void readsTheLaunchersWordsTerminalAndAnswers() {
        DelegatedCommand command = read("{\"args\":[\"list\",\"--state\",\"PENDING\"],\"width\":120,\"colour\":true,"
                + "\"terminal\":true,\"answers\":[\"y\"]}");

        assertThat(command).isEqualTo(new DelegatedCommand(List.of("list", "--state", "PENDING"), 120, true, true,
                List.of("y")));
    }

    @Test
    void leavesOutWhatAPipedLauncherDoesNotSend() {
        assertThat(read("{\"args\":[\"show\",\"TV-1\"],\"answers\":null}"))
                .isEqualTo(new DelegatedCommand(List.of("show", "TV-1"), 0, false, false, List.of()));
    }

    @Test
    void namesEveryBadFieldAtOnce() {
        assertThatThrownBy(() -> read("{\"args\":[\"list\",7],\"width\":-1,\"colours\":true,\"terminal\":\"yes\","
                + "\"answers\":\"y\"}"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("args: give the command's words as strings")
                .hasMessageContaining("width: -1 is negative")
                .hasMessageContaining("colours: is not a field here").hasMessageContaining("'colour'")
                .hasMessageContaining("terminal: must be true or false")
                .hasMessageContaining("answers: must be a list of text");
    }

    @Test
    void refusesABodyWithoutWordsOrNotAnObject() {
        assertThatThrownBy(() -> read("{\"args\":[]}")).hasMessageContaining("args: give the command's words");
        assertThatThrownBy(() -> read("{\"width\":1.5,\"args\":[\"list\"]}")).hasMessageContaining("width: must be a whole number");
        assertThatThrownBy(() -> read("[\"list\"]")).hasMessageContaining("body: must be a JSON object");
        assertThatThrownBy(() -> read("{\"args\":")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("body: is not JSON");
    }

    private DelegatedCommand read(String json) {
        return DelegatedCommand.read(json.getBytes(StandardCharsets.UTF_8), mapper);
    }
}
