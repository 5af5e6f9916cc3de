package io.taskvault.context;

import java.util.List;

/**
 * What an agent needs to pick up a task, trimmed to a budget. Sections come in reading order; {@code trimmed}
 * says what was shortened or left out to fit.
 *
 * @param budgetChars     the size limit of the Markdown rendering, in characters
 * @param estimatedTokens the Markdown's size in tokens, estimated as characters / 4
 */
public record PromptContext(String taskKey, String title, int budgetChars, int usedChars, int estimatedTokens,
                            List<Section> sections, List<String> trimmed, ContextHealth health) {

    /** A titled part of the context. */
    public record Section(String title, List<String> items) {
    }

    public String toMarkdown() {
        return PromptAssembler.markdown(this);
    }
}
