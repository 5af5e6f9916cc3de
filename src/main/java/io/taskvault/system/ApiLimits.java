package io.taskvault.system;

import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * How large a request to the REST API may be: a JSON body ({@code taskvault.api.max-json-body}, 4 MB by default)
 * and a multipart upload ({@code spring.servlet.multipart.max-file-size}).
 */
record ApiLimits(DataSize maxJsonBody, DataSize maxUpload) {

    static final String MAX_JSON_BODY = "taskvault.api.max-json-body";
    static final String MAX_UPLOAD = "spring.servlet.multipart.max-request-size";

    static ApiLimits from(Environment environment) {
        return new ApiLimits(DataSize.parse(environment.getProperty(MAX_JSON_BODY, "4MB")),
                DataSize.parse(environment.getProperty(MAX_UPLOAD, "10MB")));
    }
}
