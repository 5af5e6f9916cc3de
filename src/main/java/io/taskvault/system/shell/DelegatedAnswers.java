package io.taskvault.system.shell;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.springframework.shell.core.InputReader;

/**
 * The input of a delegated command: the person's answers sent by the launcher. A question with no answer yet stops
 * the command as a "no" would (nothing changed), and the launcher asks it and sends the command again with the answer.
 * Without a terminal at the launcher, asking fails as it does in a one-shot process with no terminal.
 */
final class DelegatedAnswers implements InputReader {

    private final boolean canAsk;
    private final Deque<String> answers;
    private String unanswered;

    DelegatedAnswers(boolean canAsk, List<String> answers) {
        this.canAsk = canAsk;
        this.answers = new ArrayDeque<>(answers == null ? List.of() : answers);
    }

    @Override
    public String readInput(String prompt) {
        if (!answers.isEmpty()) {
            return answers.poll();
        }
        if (!canAsk) {
            throw new UnsupportedOperationException("no terminal to ask on");
        }
        if (unanswered == null) {
            unanswered = prompt;
        }
        return "n";
    }

    /** The first question the launcher still has to ask, if the command asked one. */
    Optional<String> unanswered() {
        return Optional.ofNullable(unanswered);
    }
}
