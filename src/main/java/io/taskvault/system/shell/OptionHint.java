package io.taskvault.system.shell;

import java.util.Optional;

/**
 * A feature's better word for an option its command does not declare, where the closest declared option is not
 * the answer: {@code edit --priority low} means {@code edit --set priority=low}.
 */
public interface OptionHint {

    /** What the user likely meant by {@code option} (its dashes removed) typed to {@code command}, if this feature knows. */
    Optional<String> likelyMeant(String command, String option);
}
