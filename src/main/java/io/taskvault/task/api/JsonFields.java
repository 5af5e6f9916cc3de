package io.taskvault.task.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import org.openapitools.jackson.nullable.JsonNullable;

import io.taskvault.system.Spelling;
import io.taskvault.task.InvalidTaskException;
import io.taskvault.task.Vocabulary;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Checks a JSON body field by field against the record it becomes, before Jackson binds it: every bad field is
 * named at once in the API's words (Jackson stops at the first and names Java types), enum words are read as on every
 * other door ({@code "high"}, {@code "in_progress"}), and a number is never taken for an enum's position. A
 * {@link JsonNullable} field is checked as the value it holds.
 */
@ControllerAdvice(annotations = RestController.class)
class JsonFields extends RequestBodyAdviceAdapter {

    private final JsonMapper mapper;

    JsonFields(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return recordOf(targetType) != null;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        byte[] body = input.getBody().readAllBytes();
        JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (JacksonException e) {
            return replay(input, body);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        JsonNode checked = value(tree, targetType, "", errors);
        if (!errors.isEmpty()) {
            throw new InvalidTaskException(errors);
        }
        return replay(input, mapper.writeValueAsBytes(checked));
    }

    private JsonNode value(JsonNode node, Type type, String path, Map<String, String> errors) {
        if (node == null || node.isNull()) {
            return node;
        }
        Class<?> raw = rawClass(type);
        if (raw == JsonNullable.class && type instanceof ParameterizedType p) {
            return value(node, p.getActualTypeArguments()[0], path, errors);
        }
        if (raw.isEnum()) {
            return word(node, raw, path, errors);
        }
        if (raw.isRecord()) {
            if (!node.isObject()) {
                errors.put(name(path), "must be an object");
                return node;
            }
            return fields((ObjectNode) node, raw, path, errors);
        }
        if (Collection.class.isAssignableFrom(raw) && node.isArray() && type instanceof ParameterizedType p) {
            ArrayNode items = (ArrayNode) node;
            for (int i = 0; i < items.size(); i++) {
                String item = (path.isEmpty() ? "" : name(path)) + "[" + i + "].";
                items.set(i, value(items.get(i), p.getActualTypeArguments()[0], item, errors));
            }
            return items;
        }
        if (raw == String.class && node.isNumber() && !Double.isFinite(node.asDouble())) {
            //why: Jackson would keep a number past double's range as the text "Infinity"
            errors.put(name(path), expected(raw, type));
            return node;
        }
        try {
            mapper.convertValue(node, mapper.constructType(type));
        } catch (IllegalArgumentException | JacksonException e) {
            errors.put(name(path), expected(raw, type));
        }
        return node;
    }

    private JsonNode fields(ObjectNode object, Class<?> record, String path, Map<String, String> errors) {
        Map<String, RecordComponent> components = new LinkedHashMap<>();
        Arrays.stream(record.getRecordComponents()).forEach(c -> components.put(c.getName(), c));
        for (String field : List.copyOf(object.propertyNames())) {
            RecordComponent component = components.get(field);
            if (component == null) {
                errors.put(path + field, "is not a field here" + Spelling.suggestion(field, components.keySet(), ""));
                continue;
            }
            object.set(field, value(object.get(field), component.getGenericType(), path + field + ".", errors));
        }
        return object;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static JsonNode word(JsonNode node, Class<?> type, String path, Map<String, String> errors) {
        Class<? extends Enum> enumType = (Class<? extends Enum>) type;
        String text = node.isString() ? node.stringValue() : node.toString();
        if (!node.isString()) {
            errors.put(name(path), Vocabulary.problem((Class) enumType, text));
            return node;
        }
        try {
            return StringNode.valueOf(Vocabulary.word(enumType, name(path), text).name());
        } catch (InvalidTaskException e) {
            errors.putAll(e.errors());
            return node;
        }
    }

    private static String expected(Class<?> raw, Type type) {
        if (raw == String.class) {
            return "must be text";
        }
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            return "must be a whole number";
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return "must be true or false";
        }
        if (raw == Instant.class) {
            return "must be a time such as 2026-11-22T10:15:00Z";
        }
        if (Collection.class.isAssignableFrom(raw)) {
            boolean ofText = type instanceof ParameterizedType p && p.getActualTypeArguments()[0] == String.class;
            return ofText ? "must be a list of text, e.g. [\"a\", \"b\"]" : "must be a list";
        }
        if (Map.class.isAssignableFrom(raw)) {
            return "must be an object";
        }
        return "has the wrong type";
    }

    private static String name(String path) {
        String name = path.endsWith(".") ? path.substring(0, path.length() - 1) : path;
        return name.isEmpty() ? "body" : name;
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }

    private static Class<?> recordOf(Type type) {
        Class<?> raw = rawClass(type);
        if (raw.isRecord() && raw.getPackageName().startsWith("io.taskvault")) {
            return raw;
        }
        if (List.class.isAssignableFrom(raw) && type instanceof ParameterizedType p) {
            return recordOf(p.getActualTypeArguments()[0]);
        }
        return null;
    }

    private static HttpInputMessage replay(HttpInputMessage input, byte[] body) {
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }
}
