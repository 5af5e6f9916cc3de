package io.taskvault.system.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.json.JsonMapper;

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
    private final JsonMapper mapper;

    DelegatedCommandController(ShellRunner runner, JsonMapper mapper) {
        this.runner = runner;
        this.mapper = mapper;
    }

    @Operation(summary = "Run a shell command handed over by the launcher",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = DelegatedCommand.class))))
    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    void run(HttpServletRequest request, HttpServletResponse response) throws IOException {
        DelegatedCommand command = DelegatedCommand.read(request.getInputStream().readAllBytes(), mapper);
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
