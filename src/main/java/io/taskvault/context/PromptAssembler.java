package io.taskvault.context;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.taskvault.task.secrets.SecretRedactor;

/**
 * Fits candidate items into a character budget: the most relevant first, a partly fitting item is cut (with a
 * marker) when enough room is left, the rest is left out and listed. Items are then shown in section order.
 */
final class PromptAssembler {

    static final String CUT = " … [trimmed]";
    private static final int MIN_PARTIAL = 160;
    private static final int FOOTER_RESERVE = 240;

    /** One piece of context: its section (by order), how relevant it is (higher is kept first), its text. */
    record Item(int section, String sectionTitle, int relevance, String text) {
    }

    private final List<Item> items = new ArrayList<>();

    /** Adds a piece of context, redacted: records stored before redaction covered them must not reach a prompt. */
    void add(int section, String sectionTitle, int relevance, String text) {
        if (text != null && !text.isBlank()) {
            items.add(new Item(section, sectionTitle, relevance, SecretRedactor.redact(text.strip()).text()));
        }
    }

    PromptContext assemble(String taskKey, String title, int budget, ContextHealth health) {
        int full = items.stream().mapToInt(PromptAssembler::cost).sum()
                + (int) items.stream().map(Item::section).distinct().count() * 64 + header(taskKey, title).length();
        boolean trimming = full > budget;
        int room = budget - header(taskKey, title).length() - (trimming ? FOOTER_RESERVE : 0);
        Map<Item, String> kept = new LinkedHashMap<>();
        List<String> trimmed = new ArrayList<>();
        java.util.Set<Integer> opened = new java.util.HashSet<>();
        for (Item item : items.stream().sorted(Comparator.comparingInt(Item::relevance).reversed()).toList()) {
            int sectionCost = opened.contains(item.section()) ? 0 : sectionHeader(item.sectionTitle()).length();
            int cost = sectionCost + cost(item);
            if (cost <= room) {
                kept.put(item, item.text());
                opened.add(item.section());
                room -= cost;
            } else if (room - sectionCost - CUT.length() - 3 >= MIN_PARTIAL) {
                int length = room - sectionCost - CUT.length() - 3;
                kept.put(item, item.text().substring(0, length) + CUT);
                opened.add(item.section());
                room = 0;
                trimmed.add(item.sectionTitle() + ": cut one item from " + item.text().length() + " to " + length + " characters");
            } else {
                trimmed.add(item.sectionTitle() + ": left out " + item.text().length() + " characters");
            }
        }
        Map<Integer, PromptContext.Section> sections = new java.util.TreeMap<>();
        Map<Integer, List<String>> texts = new java.util.TreeMap<>();
        for (Item item : items) {
            if (kept.containsKey(item)) {
                texts.computeIfAbsent(item.section(), s -> new ArrayList<>()).add(kept.get(item));
                sections.putIfAbsent(item.section(), new PromptContext.Section(item.sectionTitle(), List.of()));
            }
        }
        List<PromptContext.Section> ordered = sections.entrySet().stream()
                .map(e -> new PromptContext.Section(e.getValue().title(), List.copyOf(texts.get(e.getKey())))).toList();
        PromptContext draft = new PromptContext(taskKey, title, budget, 0, 0, ordered, summarize(trimmed), health);
        int used = markdown(draft).length();
        return new PromptContext(taskKey, title, budget, used, (used + 3) / 4, ordered, draft.trimmed(), health);
    }

    /** At most a few lines on what was trimmed, so the footer fits its reserve. */
    private static List<String> summarize(List<String> trimmed) {
        if (trimmed.size() <= 3) {
            return List.copyOf(trimmed);
        }
        List<String> shown = new ArrayList<>(trimmed.subList(0, 2));
        shown.add("and " + (trimmed.size() - 2) + " more items left out");
        return shown;
    }

    static String markdown(PromptContext context) {
        StringBuilder md = new StringBuilder(header(context.taskKey(), context.title()));
        for (PromptContext.Section section : context.sections()) {
            md.append(sectionHeader(section.title()));
            section.items().forEach(item -> md.append(item).append("\n\n"));
        }
        if (!context.trimmed().isEmpty()) {
            String footer = "_Trimmed to " + context.budgetChars() + " characters: "
                    + String.join("; ", context.trimmed()) + "._\n";
            md.append(footer.length() > FOOTER_RESERVE ? footer.substring(0, FOOTER_RESERVE - 5) + "…_\n" : footer);
        }
        return md.toString();
    }

    private static String header(String key, String title) {
        return "# " + key + ": " + title + "\n\n";
    }

    private static String sectionHeader(String title) {
        return "## " + title + "\n\n";
    }

    private static int cost(Item item) {
        return item.text().length() + 2;
    }
}
