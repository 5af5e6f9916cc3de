package io.taskvault.preferences;

import java.time.Instant;

/** A list filter and sort a person saved under a name, to open again from any door. */
public record SavedView(String name, ViewFilter filter, Instant savedAt) {
}
