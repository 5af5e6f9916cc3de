package io.taskvault.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/**
 * What docker-compose.yml and the Dockerfile give a container, read the way docker compose reads them: a service's
 * {@code environment} with {@code ${VAR}}, {@code ${VAR:-default}} and {@code ${VAR:?message}} taken from a .env file,
 * on top of the image's {@code ENV} lines.
 */
record ComposeFile(Map<String, Object> services, Map<String, String> imageEnvironment) {

    private static final Pattern VARIABLE =
            Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    @SuppressWarnings("unchecked")
    static ComposeFile read(Path compose, Path dockerfile) throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(compose));
        return new ComposeFile((Map<String, Object>) file.get("services"), finalStageEnv(Files.readAllLines(dockerfile)));
    }

    /** The variables a .env file sets: {@code NAME=value} lines, a value in single quotes taken as it is. */
    static Map<String, String> dotEnv(Path file) throws IOException {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException(file + ": not NAME=value: " + line);
            }
            String value = trimmed.substring(equals + 1).strip();
            if (value.length() > 1 && value.startsWith("'") && value.endsWith("'")) {
                value = value.substring(1, value.length() - 1);
            }
            variables.put(trimmed.substring(0, equals).strip(), value);
        }
        return variables;
    }

    /** The service's whole environment in its container: the image's ENV, then the service's own, interpolated. */
    Map<String, String> environment(String service, Map<String, String> dotEnv) {
        Map<String, String> environment = new LinkedHashMap<>(imageEnvironment);
        Object declared = service(service).get("environment");
        if (declared instanceof Map<?, ?> map) {
            map.forEach((name, value) -> environment.put(name.toString(), interpolate(String.valueOf(value), dotEnv)));
        } else if (declared instanceof List<?> list) {
            for (Object entry : list) {
                String[] pair = entry.toString().split("=", 2);
                environment.put(pair[0], interpolate(pair.length > 1 ? pair[1] : "", dotEnv));
            }
        }
        return environment;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> service(String name) {
        Map<String, Object> service = (Map<String, Object>) services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("docker-compose.yml has no service '" + name + "'");
        }
        return service;
    }

    /** Compose's interpolation; a required variable that is missing fails with compose's own wording. */
    static String interpolate(String value, Map<String, String> variables) {
        Matcher matcher = VARIABLE.matcher(value);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String replacement;
            if (matcher.group().equals("$$")) {
                replacement = "$";
            } else if (matcher.group(4) != null) {
                replacement = variables.getOrDefault(matcher.group(4), "");
            } else {
                replacement = resolve(matcher.group(1), matcher.group(2), matcher.group(3), variables);
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        return matcher.appendTail(result).toString();
    }

    private static String resolve(String name, String operator, String argument, Map<String, String> variables) {
        String value = variables.get(name);
        boolean missing = operator != null && operator.startsWith(":") ? value == null || value.isEmpty() : value == null;
        if (operator == null || !missing) {
            return value == null ? "" : value;
        }
        if (operator.endsWith("?")) {
            throw new IllegalStateException("required variable " + name + " is missing a value: " + argument);
        }
        return argument;
    }

    private static Map<String, String> finalStageEnv(List<String> dockerfile) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String line : dockerfile) {
            String trimmed = line.strip();
            if (trimmed.regionMatches(true, 0, "FROM ", 0, 5)) {
                environment.clear();
            } else if (trimmed.regionMatches(true, 0, "ENV ", 0, 4)) {
                for (String pair : trimmed.substring(4).strip().split("\\s+")) {
                    if (!pair.contains("=")) {
                        throw new IllegalArgumentException("Dockerfile: write ENV as NAME=value: " + line);
                    }
                    String[] nameValue = pair.split("=", 2);
                    environment.put(nameValue[0], nameValue[1].replaceAll("^\"|\"$", ""));
                }
            }
        }
        return environment;
    }
}
