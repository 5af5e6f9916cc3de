package io.taskvault.system.shell;

import java.util.Collection;
import java.util.Optional;

/** What Tab offers for an option that one feature's commands define; each feature contributes its own. */
public interface OptionValues {

    /** The values of {@code option} (its long name) on {@code command}, or empty where this feature has no such option. */
    Optional<Collection<String>> of(String command, String option);
}
