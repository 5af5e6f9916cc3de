package io.taskvault.task.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.springframework.shell.core.InputReader;

/** Runs a command line the way the one-shot door does, capturing what it printed and its exit code. */
record ShellDriver(ShellRunner runner) {

    Result run(String line) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = runner.execute(CommandLine.parse(line), new PrintWriter(out), new PrintWriter(err), new InputReader() { });
        return new Result(code, out.toString().lines().toList(), err.toString().lines().toList());
    }

    record Result(int exitCode, List<String> out, List<String> err) {
    }
}
