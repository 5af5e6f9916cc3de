package io.taskvault.system.shell;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.taskvault.system.InvalidInputException;
import io.taskvault.system.Spelling;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One command from a launcher, read from its JSON body in one pass; every bad field is named at once.
 *
 * @param args     the launcher's arguments, as given to {@code taskvault}
 * @param width    the launcher's terminal width; 0 when its output is not a terminal
 * @param colour   the launcher's output is a terminal that wants colour (no NO_COLOR)
 * @param terminal the launcher can ask the person questions (its input is a terminal)
 * @param answers  the person's answers to the questions asked so far, in order
 */
record DelegatedCommand(List<String> args, int width, boolean colour, boolean terminal, List<String> answers) {

    private static final Set<String> FIELDS = Arrays.stream(DelegatedCommand.class.getRecordComponents())
            .map(RecordComponent::getName).collect(Collectors.toUnmodifiableSet());

    //why: the body is parsed once, not checked as a tree, written back and bound again as the REST records are
    static DelegatedCommand read(byte[] body, JsonMapper mapper) {
        JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidInputException("body: is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidInputException("body: must be a JSON object such as {\"args\": [\"list\"]}");
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : tree.properties()) {
            if (!FIELDS.contains(field.getKey())) {
                problems.add(field.getKey() + ": is not a field here" + Spelling.suggestion(field.getKey(), FIELDS, ""));
            }
        }
        List<String> args = words(tree.get("args"));
        if (args == null || args.isEmpty()) {
            problems.add("args: give the command's words as strings, e.g. [\"list\", \"--state\", \"PENDING\"]");
        }
        JsonNode widthNode = tree.get("width");
        int width = 0;
        if (widthNode != null && !widthNode.isNull()) {
            if (!widthNode.isIntegralNumber() || !widthNode.canConvertToInt()) {
                problems.add("width: must be a whole number");
            } else if (widthNode.intValue() < 0) {
                problems.add("width: " + widthNode.intValue() + " is negative");
            } else {
                width = widthNode.intValue();
            }
        }
        boolean colour = flag(tree, "colour", problems);
        boolean terminal = flag(tree, "terminal", problems);
        JsonNode answersNode = tree.get("answers");
        List<String> answers = answersNode == null || answersNode.isNull() ? List.of() : words(answersNode);
        if (answers == null) {
            problems.add("answers: must be a list of text, e.g. [\"y\"]");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(String.join("; ", problems));
        }
        return new DelegatedCommand(args, width, colour, terminal, answers);
    }

    /** The node's strings, or null when it is not a list of strings. */
    private static List<String> words(JsonNode node) {
        if (node == null || !node.isArray()) {
            return null;
        }
        List<String> words = new ArrayList<>(node.size());
        for (JsonNode word : node) {
            if (!word.isString()) {
                return null;
            }
            words.add(word.stringValue());
        }
        return words;
    }

    private static boolean flag(JsonNode tree, String name, List<String> problems) {
        JsonNode node = tree.get(name);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            problems.add(name + ": must be true or false");
            return false;
        }
        return node.booleanValue();
    }
}
