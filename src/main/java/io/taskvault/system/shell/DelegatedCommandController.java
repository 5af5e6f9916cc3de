package io.taskvault.system.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The shell door for a launcher that found this server running: it runs one command exactly as
 * {@code taskvault <command>} would in its own process and answers with what the command printed.
 * The answer's body is standard output followed by standard error; headers say where one ends and the exit code.
 */
@Tag(name = "shell", description = "Shell commands handed over by the launcher")
@RestController
public class DelegatedCommandController {

    static final String PATH = "/api/shell/run";
    static final String EXIT = "X-Taskvault-Exit";
    static final String STDOUT_BYTES = "X-Taskvault-Stdout-Bytes";
    /** Set when the command asked a question the launcher must put to the person; the body is the question. */
    static final String CONFIRM = "X-Taskvault-Confirm";
    private static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    private final ShellRunner runner;

    DelegatedCommandController(ShellRunner runner) {
        this.runner = runner;
    }

    /**
     * One command from a launcher.
     *
     * @param args     the launcher's arguments, as given to {@code taskvault}
     * @param width    the launcher's terminal width; 0 when its output is not a terminal
     * @param colour   the launcher's output is a terminal that wants colour (no NO_COLOR)
     * @param terminal the launcher can ask the person questions (its input is a terminal)
     * @param answers  the person's answers to the questions asked so far, in order
     */
    record DelegatedCommand(List<String> args, int width, boolean colour, boolean terminal, List<String> answers) {
    }

    @Operation(summary = "Run a shell command handed over by the launcher")
    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    void run(@RequestBody DelegatedCommand command, HttpServletResponse response) throws IOException {
        if (command.args() == null || command.args().isEmpty() || command.args().stream().anyMatch(a -> a == null)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "args: give the command's words as strings, e.g. [\"list\", \"--state\", \"PENDING\"]");
        }
        if (command.width() < 0) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "width: " + command.width() + " is negative");
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        DelegatedAnswers input = new DelegatedAnswers(command.terminal(), command.answers());
        ShellRunner.Ran ran = new DelegatedTerminal(command.colour(), command.width()).run(() -> runner.run(
                command.args().toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), input));
        if (input.unanswered().isPresent()) {
            response.setHeader(CONFIRM, "true");
            send(response, input.unanswered().get().getBytes(StandardCharsets.UTF_8));
            return;
        }
        byte[] stdout = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] stderr = err.toString().getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[stdout.length + stderr.length];
        System.arraycopy(stdout, 0, body, 0, stdout.length);
        System.arraycopy(stderr, 0, body, stdout.length, stderr.length);
        response.setHeader(EXIT, Integer.toString(ran.exitCode()));
        response.setHeader(STDOUT_BYTES, Integer.toString(stdout.length));
        send(response, body);
        //why: the launcher has its whole answer once it is flushed (its length was given), so it need not wait for
        // the session record, which is written here, on the request's own thread, before the request ends
        runner.record(ran);
    }

    private static void send(HttpServletResponse response, byte[] body) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(TEXT.toString());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
