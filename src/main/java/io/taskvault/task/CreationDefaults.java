package io.taskvault.task;

/** Fills in what a creator left out of a draft from what they chose as their defaults (the preferences feature). */
public interface CreationDefaults {

    /** The draft with the current person's default role and provider where it names none. */
    TaskDraft fill(TaskDraft draft);
}
