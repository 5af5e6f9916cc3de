package io.taskvault.task.api;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;

import io.taskvault.system.Spelling;
import io.taskvault.task.InvalidTaskException;

/** Refuses query parameters an endpoint does not read: Spring MVC would drop them and answer as if unfiltered. */
public final class KnownParameters {

    private KnownParameters() {
    }

    public static void refuseOthers(HttpServletRequest request, Set<String> known) {
        Map<String, String> errors = new TreeMap<>();
        for (String name : request.getParameterMap().keySet()) {
            if (!known.contains(name)) {
                errors.put(name, "is not a parameter of this endpoint" + Spelling.suggestion(name, known, ""));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidTaskException(errors);
        }
    }
}
