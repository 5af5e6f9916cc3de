package io.taskvault.system.shell;

import java.util.Locale;

import org.springframework.shell.core.command.CommandContext;

/** Asks before a destructive or bulk change; without a terminal to ask on, only {@code --yes} lets it through. */
public final class Confirmation {

    private Confirmation() {
    }

    /** True when the change may go ahead: {@code --yes} was given, or the person answered yes. */
    public static boolean confirmed(CommandContext ctx, boolean yes, String question) {
        if (yes) {
            return true;
        }
        String answer;
        try {
            answer = ctx.inputReader().readInput(question + " [y/N] ");
        } catch (UnsupportedOperationException e) {
            throw new ShellUsageException(question.replaceAll("\\?$", "") + ": not done, there is no terminal to ask on;"
                    + " add --yes to confirm");
        } catch (Exception e) {
            return false;
        }
        return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
    }
}
