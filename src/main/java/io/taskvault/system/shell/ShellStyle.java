package io.taskvault.system.shell;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.jline.terminal.Terminal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** How shell output looks: whether it has colour, and how wide the terminal is. */
@Component
public class ShellStyle {

    static final int FALLBACK_WIDTH = 120;
    private static final String RESET = "\u001B[0m";

    private final Supplier<Terminal> terminal;
    private final BooleanSupplier console;
    private final UnaryOperator<String> environment;
    //why: per thread, as a delegated command runs beside the prompt and other delegated commands
    private final ThreadLocal<Boolean> colourOffForCommand = ThreadLocal.withInitial(() -> false);

    @Autowired
    ShellStyle(ObjectProvider<Terminal> terminal) {
        this(terminal::getIfAvailable, () -> System.console() != null, System::getenv);
    }

    public ShellStyle(Supplier<Terminal> terminal, BooleanSupplier console, UnaryOperator<String> environment) {
        this.terminal = terminal;
        this.console = console;
        this.environment = environment;
    }

    /** Colour only on a real terminal, and never when NO_COLOR is set (to anything) or the command gave --no-color. */
    boolean colour() {
        if (colourOffForCommand.get()) {
            return false;
        }
        return DelegatedTerminal.current().map(DelegatedTerminal::colour)
                .orElseGet(() -> environment.apply("NO_COLOR") == null && terminal());
    }

    /**
     * A person is watching this process's terminal: stdin/stdout is a console and JLine got a real (not dumb) one.
     * Never for a delegated command: its answer reaches the launcher whole, so nothing is redrawn in place.
     */
    public boolean terminal() {
        return DelegatedTerminal.current().isEmpty()
                && ProgressBar.watched(console.getAsBoolean(), console.getAsBoolean() ? terminal.get() : null);
    }

    void colourOffForCommand(boolean off) {
        this.colourOffForCommand.set(off);
    }

    /** The terminal's width; 0 (piped output, dumb terminal) falls back to 120 columns. */
    public int width() {
        int width = DelegatedTerminal.current().map(DelegatedTerminal::width).orElseGet(this::consoleWidth);
        return width > 0 ? width : FALLBACK_WIDTH;
    }

    //why: without a console JLine can only make a dumb terminal (width 0), and making one costs a one-shot command
    //    most of a second (it probes every terminal provider); so the terminal is asked only when there is a console
    private int consoleWidth() {
        Terminal t = console.getAsBoolean() ? terminal.get() : null;
        return t == null ? 0 : t.getWidth();
    }

    /** Plain text broken at blanks so no line is wider than the terminal (100 columns at most, for readability). */
    public String wrap(String text) {
        int width = Math.min(width(), 100);
        StringBuilder out = new StringBuilder();
        for (String paragraph : text.split("\n", -1)) {
            int column = 0;
            for (String word : paragraph.split(" ")) {
                if (column > 0 && column + 1 + word.length() > width) {
                    out.append('\n');
                    column = 0;
                } else if (column > 0) {
                    out.append(' ');
                    column++;
                }
                out.append(word);
                column += word.length();
            }
            out.append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    public String error(String text) {
        return paint("\u001B[31m", text);
    }

    public String bold(String text) {
        return paint("\u001B[1m", text);
    }

    public String dim(String text) {
        return paint("\u001B[90m", text);
    }

    public String ok(String text) {
        return paint("\u001B[32m", text);
    }

    /** {@code text} in the colour of an ANSI {@code code} when colour is on, else as it is. */
    public String paint(String code, String text) {
        return colour() ? code + text + RESET : text;
    }
}
