package io.taskvault.task.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.springframework.context.ApplicationContext;
import org.springframework.shell.core.InputReader;

import io.taskvault.system.shell.CommandLine;
import io.taskvault.system.shell.ShellRunner;

/**
 * Runs a command line the way the one-shot door does (shell-wide flags, one red error line, exit codes), capturing
 * what it printed and its exit code; shared with the graph and context shell tests.
 */
public record ShellDriver(ShellRunner runner) {

    /** The driver for the application under test. */
    public static ShellDriver of(ApplicationContext context) {
        return new ShellDriver(context.getBean(ShellRunner.class));
    }

    public Result run(String line) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = runner.execute(CommandLine.parse(line), new PrintWriter(out), new PrintWriter(err), new InputReader() { });
        return new Result(code, out.toString().lines().toList(), err.toString().lines().toList());
    }

    /** What a command printed on standard output and standard error, and its exit code. */
    public record Result(int exitCode, List<String> out, List<String> err) {

        public String screen() {
            return String.join("\n", out);
        }
    }
}
