package io.taskvault.context;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;

/** Where in the code the task lands: repository, commit, the files and symbols it touches. */
public record CodebaseContext(@Id String id, String taskId, long seq, String repository, String commit, String branch,
                              List<String> affectedFiles, List<String> symbols, String notes, Instant at,
                              int schemaVersion) implements ContextRecord {

    public static final int SCHEMA_VERSION = 1;

    public static CodebaseContext of(String repository, String commit, List<String> files, List<String> symbols) {
        return new CodebaseContext(null, null, 0, repository, commit, null, files, symbols, null, null, SCHEMA_VERSION);
    }

    @Override
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        ContextChecks.text(problems, "repository", repository, false);
        ContextChecks.text(problems, "commit", commit, false);
        ContextChecks.text(problems, "branch", branch, false);
        ContextChecks.list(problems, "affectedFiles", affectedFiles);
        ContextChecks.list(problems, "symbols", symbols);
        if (repository == null && (affectedFiles == null || affectedFiles.isEmpty())
                && (symbols == null || symbols.isEmpty())) {
            problems.put("affectedFiles", "give at least a repository, an affected file or a symbol");
        }
        if (notes != null && notes.length() > ContextChecks.MAX_LONG_TEXT) {
            problems.put("notes", "is longer than " + ContextChecks.MAX_LONG_TEXT + " characters");
        }
        return problems;
    }

    @Override
    public CodebaseContext identified(String task, long number, Instant now) {
        return new CodebaseContext(ContextRecord.idOf(task, number), task, number, repository, commit, branch,
                affectedFiles == null ? List.of() : affectedFiles, symbols == null ? List.of() : symbols, notes,
                at == null ? now : at, SCHEMA_VERSION);
    }
}
