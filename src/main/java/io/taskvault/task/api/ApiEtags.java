package io.taskvault.task.api;

import io.taskvault.task.InvalidTaskException;

/** A task's version as an HTTP entity tag, and back from an If-Match header. */
final class ApiEtags {

    private ApiEtags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidTaskException("If-Match", "'" + ifMatch + "' is not a task version (expected e.g. \"3\")");
        }
    }
}
