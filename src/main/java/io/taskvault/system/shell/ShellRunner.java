package io.taskvault.system.shell;

import java.io.Console;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.task.TaskExecutor;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandExecutor;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.jline.JLineInputReader;
import org.springframework.stereotype.Component;

/**
 * The shell door. With arguments: runs that one command and exits with its code. Without arguments on a terminal:
 * a prompt beside the web server, and leaving it stops the application. Without a terminal: only the server runs.
 */
//why: the application's only ApplicationRunner; Spring Shell's own runner backs off because this one exists
@Component
public class ShellRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ShellRunner.class);
    //why: a server without a prompt needs the registry only for its first delegated command, so it is made then, or
    //    after ready (system/WarmUpAfterReady), not before ready
    private final ObjectProvider<CommandParser> parser;
    private final ObjectProvider<CommandRegistry> registry;
    private volatile boolean registryComplete;
    private final ObjectProvider<LineReader> lineReader;
    private final ObjectProvider<OptionHint> hints;
    private final ShellStyle style;
    private final ShellSessions sessions;
    private final ConfigurableApplicationContext context;
    private final Clock clock;
    private final boolean exitOnFinish;
    private final boolean interactiveEnabled;
    private final TaskExecutor promptThread;
    private final DeclaredArguments arguments;

    ShellRunner(ObjectProvider<CommandParser> parser, ObjectProvider<CommandRegistry> registry,
                ObjectProvider<LineReader> lineReader, ObjectProvider<OptionHint> hints, ShellStyle style,
                ShellSessions sessions, ConfigurableApplicationContext context, Clock clock,
                ShellProperties properties,
                @Value("${spring.shell.interactive.enabled:true}") boolean interactiveEnabled,
                @Qualifier(ShellPromptConfiguration.NAME) TaskExecutor promptThread, DeclaredArguments arguments) {
        this.parser = parser;
        this.registry = registry;
        this.lineReader = lineReader;
        this.hints = hints;
        this.style = style;
        this.sessions = sessions;
        this.context = context;
        this.clock = clock;
        this.exitOnFinish = properties.exitOnFinish();
        this.interactiveEnabled = interactiveEnabled;
        this.promptThread = promptThread;
        this.arguments = arguments;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!CommandLine.ofArgs(args.getSourceArgs()).isEmpty()) {
            finish(runOnce(args.getSourceArgs()));
            return;
        }
        if (!interactiveEnabled || System.console() == null) {
            log.info("No terminal on stdin (or spring.shell.interactive.enabled=false): serving only, no prompt");
            return;
        }
        //why: on a thread of its own, so the application goes on to ready while a person types (the launcher's
        //    delegation file, the readiness probe and the work after ready wait for that event); the prompt ran here
        //    before, and the event came only once it was left
        promptThread.execute(() -> {
            prompt();
            finish(0);
        });
    }

    private int runOnce(String[] args) {
        Console console = System.console();
        PrintWriter out = new PrintWriter(new PrintStream(System.out, true, charset()), true);
        PrintWriter err = new PrintWriter(new PrintStream(System.err, true, charset()), true);
        InputReader input = console == null ? new InputReader() { } : new InputReader() {
            @Override
            public String readInput(String prompt) {
                return console.readLine("%s", prompt);
            }
        };
        return runOnce(args, out, err, input, () -> true);
    }

    /**
     * Runs one command given as program arguments, as {@code taskvault <command>} does, and records it as a
     * one-command session when {@code record} says so afterwards.
     */
    public int runOnce(String[] args, PrintWriter out, PrintWriter err, InputReader input, BooleanSupplier record) {
        Ran ran = run(args, out, err, input);
        if (record.getAsBoolean()) {
            record(ran);
        }
        return ran.exitCode();
    }

    /** Runs one command given as program arguments without recording it (the delegated door records it itself). */
    Ran run(String[] args, PrintWriter out, PrintWriter err, InputReader input) {
        CommandLine command = CommandLine.ofArgs(args);
        Instant at = clock.instant();
        long start = System.nanoTime();
        int code = execute(command, out, err, input);
        return new Ran(String.join(" ", command.words()), at, Duration.ofNanos(System.nanoTime() - start), code);
    }

    /** Records a command that ran as a one-command session. */
    void record(Ran ran) {
        sessions.recordSingle(ran.text(), ran.at(), ran.took(), ran.exitCode());
    }

    /** One command that ran: its words, when it started, how long it took, and its exit code. */
    record Ran(String text, Instant at, Duration took, int exitCode) {
    }

    private void prompt() {
        registry();
        LineReader reader = lineReader.getObject();
        PrintWriter out = reader.getTerminal().writer();
        String session = sessions.start("interactive");
        String port = context.getEnvironment().getProperty("local.server.port");
        out.println(style.bold("taskvault") + (port == null ? "" : "  dashboard on http://localhost:" + port)
                + "  ·  'help' for commands, Ctrl-D to leave");
        try {
            while (true) {
                String line;
                try {
                    line = reader.readLine(style.colour() ? "\u001B[33mtaskvault>\u001B[0m " : "taskvault> ");
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                line = line == null ? "exit" : line.trim();
                if (line.equals("exit") || line.equals("quit")) {
                    break;
                }
                if (line.isEmpty()) {
                    continue;
                }
                Instant at = clock.instant();
                long start = System.nanoTime();
                int code;
                try {
                    code = execute(CommandLine.parse(line), out, out, new JLineInputReader(reader));
                } catch (ShellUsageException e) {
                    out.println(style.error("error: " + e.getMessage()));
                    code = ShellFailure.USAGE;
                }
                out.flush();
                sessions.record(session, line, at, Duration.ofNanos(System.nanoTime() - start), code);
            }
        } finally {
            sessions.end(session);
        }
    }

    /** Runs one command line; prints its output to {@code out} and any failure as one red line to {@code err}. */
    public int execute(CommandLine command, PrintWriter out, PrintWriter err, InputReader input) {
        style.colourOffForCommand(command.noColor());
        Command target = null;
        try {
            CommandRegistry registry = registry();
            target = DeclaredOptions.check(registry, command.words(), hints.orderedStream().toList(), arguments);
            var parsed = parser.getObject().parse(command.toShellSyntax());
            ExitStatus status = new CommandExecutor(registry).execute(new CommandContext(parsed, registry, out, input));
            out.flush();
            if (status.code() != ExitStatus.OK.code()) {
                err.println(style.error("error: " + status.description()));
                return ShellFailure.USAGE;
            }
            return 0;
        } catch (Exception e) {
            out.flush();
            ShellFailure failure = ShellFailure.of(e, target == null ? null : target.getName());
            err.println(style.error("error: " + failure.message()));
            if (command.debug()) {
                failure.cause().printStackTrace(err);
            }
            return failure.exitCode();
        } finally {
            err.flush();
            style.colourOffForCommand(false);
        }
    }

    //why: a registry made after start (system/LazyStartConfiguration) missed its SmartInitializingSingleton callback,
    //    which adds the command beans that need the registry themselves (Spring Shell's 'script'); adding them twice
    //    changes nothing
    private CommandRegistry registry() {
        CommandRegistry made = registry.getObject();
        if (!registryComplete) {
            synchronized (this) {
                if (!registryComplete) {
                    made.afterSingletonsInstantiated();
                    registryComplete = true;
                }
            }
        }
        return made;
    }

    private void finish(int code) {
        if (exitOnFinish) {
            System.exit(SpringApplication.exit(context, () -> code));
        }
    }

    private static Charset charset() {
        Console console = System.console();
        return console != null ? console.charset() : Charset.defaultCharset();
    }
}
