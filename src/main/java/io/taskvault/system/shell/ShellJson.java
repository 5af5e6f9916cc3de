package io.taskvault.system.shell;

import org.springframework.stereotype.Component;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** JSON for scripts: the same mapper the REST API uses, indented; every shell package prints {@code --json} with it. */
@Component
public class ShellJson {

    private final JsonMapper compact;
    private final JsonMapper indented;

    ShellJson(JsonMapper mapper) {
        this.compact = mapper;
        this.indented = mapper.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
    }

    public String write(Object value) {
        return indented.writeValueAsString(value);
    }

    public String compact(Object value) {
        return compact.writeValueAsString(value);
    }

    public JsonMapper mapper() {
        return compact;
    }
}
