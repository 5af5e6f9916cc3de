package io.taskvault.system.api;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;

import io.taskvault.system.InvalidInputException;
import io.taskvault.system.Spelling;

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
            throw new UnknownParameters(errors);
        }
    }

    /** The parameters refused, each named with its problem, as every REST refusal of a field names it. */
    static final class UnknownParameters extends InvalidInputException {

        private final Map<String, String> errors;

        UnknownParameters(Map<String, String> errors) {
            super(String.join("; ", errors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList()));
            this.errors = Map.copyOf(errors);
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("errors", errors);
        }
    }
}
