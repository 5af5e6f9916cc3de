package io.taskvault.task.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriComponentsBuilder;

import io.taskvault.task.InvalidTaskException;
import io.taskvault.task.Priority;
import io.taskvault.task.SavedViews;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskQuery.SortField;
import io.taskvault.task.TaskState;

/** The task list's filter bar, sort and page as GET parameters, so a filtered list is a shareable URL. */
public class TaskFilter {

    static final int PAGE_SIZE = 25;

    private List<TaskState> state = new ArrayList<>();
    private String role;
    private String provider;
    private Priority priority;
    private String tags;
    private String storyId;
    private String epicId;
    private String persona;
    private String q;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate from;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate to;
    private SortField sort = SortField.UPDATED;
    private boolean desc = true;
    private int page = 1;
    private String after;
    private String before;
    private String view;
    private boolean sortGiven;
    //why: the saved view this filter names, opened once, with the filters set here in place of the view's
    private TaskQuery opened;

    /**
     * The service query for this filter's current page: after a cursor when the page was reached with "Next"
     * (keyset paging, as fast on page 4,000 as on page 2), before one in the reversed order when it was reached
     * with "Previous" (the rows then come back last first), else by offset.
     */
    TaskQuery toQuery() {
        if (backward()) {
            return toQuery(PAGE_SIZE, 0).sortedBy(sort, !desc).withCursor(before);
        }
        if (after != null && !after.isBlank()) {
            return toQuery(PAGE_SIZE, 0).withCursor(after);
        }
        return toQuery(PAGE_SIZE, (Math.max(page, 1) - 1) * PAGE_SIZE);
    }

    TaskQuery toQuery(int limit, int offset) {
        if (hasView()) {
            if (opened == null) {
                throw new InvalidTaskException("view", "saved views cannot be opened here");
            }
            return opened.withLimit(limit, offset);
        }
        return ownQuery(limit, offset);
    }

    /**
     * Opens the saved view this filter names (if any) through {@code views}: its filters, with those set here in their
     * place, and its sort unless one was given, which the list then shows. An unknown view fails naming the closest.
     */
    public void openWith(SavedViews views) {
        if (!hasView()) {
            return;
        }
        if (views == null) {
            throw new InvalidTaskException("view", "saved views cannot be opened here");
        }
        opened = views.open(view.strip(), ownQuery(TaskQuery.MAX_LIMIT, 0), sortGiven);
        sort = opened.sort();
        desc = opened.descending();
    }

    private boolean hasView() {
        return view != null && !view.isBlank();
    }

    private TaskQuery ownQuery(int limit, int offset) {
        //why: the date range is inclusive of the whole "to" day, in UTC like every stored timestamp
        return TaskQuery.builder().states(Set.copyOf(state)).roles(one(role)).providers(one(provider))
                .priorities(priority == null ? Set.of() : Set.of(priority)).tags(tagSet()).text(q)
                .createdBetween(from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC),
                        to == null ? null : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1))
                .sortedBy(sort, desc).page(limit, offset).groups(one(storyId), one(epicId), one(persona)).build();
    }

    /** Every task this filter selects, in its sort, with no page: what an export of the list writes. */
    public TaskQuery exportQuery() {
        return toQuery(TaskQuery.MAX_LIMIT, 0);
    }

    /** The download of every task this filter selects, in {@code format} (csv or jsonl). */
    public String exportUrl(String format) {
        return UriComponentsBuilder.fromUriString(url(sort, desc, 1, null, null)).replacePath("/tasks/export")
                .queryParam("format", format).build().toUriString();
    }

    private static Set<String> one(String value) {
        return value == null || value.isBlank() ? Set.of() : Set.of(value.trim());
    }

    private Set<String> tagSet() {
        if (tags == null || tags.isBlank()) {
            return Set.of();
        }
        return new LinkedHashSet<>(Arrays.stream(tags.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList());
    }

    /** This filter's URL with another page, by offset. */
    public String pageUrl(int newPage) {
        return url(sort, desc, newPage, null, null);
    }

    /** Whether this page was reached with "Previous" (a cursor read in the reversed order). */
    boolean backward() {
        return before != null && !before.isBlank();
    }

    /** This very page's URL (keeps the cursor it was reached with), for the live refresh. */
    public String currentUrl() {
        return url(sort, desc, page, after, before);
    }

    /** The next page's URL: continues after the cursor at this page's last row. */
    public String nextUrl(String cursor) {
        return cursor == null ? pageUrl(page + 1) : url(sort, desc, page + 1, cursor, null);
    }

    /** The previous page's URL: the rows before the cursor at this page's first row (page 1 needs none). */
    public String prevUrl(String cursor) {
        return cursor == null || page <= 2 ? pageUrl(page - 1) : url(sort, desc, page - 1, null, cursor);
    }

    /** This filter's URL sorted by a column; a second click on the current column flips the direction. */
    public String sortUrl(String column) {
        SortField field = SortField.valueOf(column.toUpperCase(Locale.ROOT));
        return url(field, field == sort ? !desc : field != SortField.TITLE, 1, null, null);
    }

    /** "ascending", "descending" or "none", for aria-sort on a column header. */
    public String ariaSort(String column) {
        return sort.name().equalsIgnoreCase(column) ? (desc ? "descending" : "ascending") : "none";
    }

    private String url(SortField field, boolean descending, int newPage, String cursor, String beforeCursor) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/tasks");
        add(b, "view", view);
        state.forEach(s -> b.queryParam("state", s.name()));
        add(b, "role", role);
        add(b, "provider", provider);
        add(b, "priority", priority == null ? null : priority.name());
        add(b, "tags", tags);
        add(b, "storyId", storyId);
        add(b, "epicId", epicId);
        add(b, "persona", persona);
        add(b, "q", q);
        add(b, "from", from == null ? null : from.toString());
        add(b, "to", to == null ? null : to.toString());
        b.queryParam("sort", field.name());
        b.queryParam("desc", descending);
        if (newPage > 1) {
            b.queryParam("page", newPage);
        }
        add(b, "after", cursor);
        add(b, "before", beforeCursor);
        return b.encode().build().toUriString();
    }

    private static void add(UriComponentsBuilder b, String name, String value) {
        if (value != null && !value.isBlank()) {
            b.queryParam(name, value);
        }
    }

    public boolean isFiltered() {
        return hasView() || !state.isEmpty() || priority != null || tagSet().size() > 0 || !one(role).isEmpty()
                || !one(provider).isEmpty() || !one(storyId).isEmpty() || !one(epicId).isEmpty()
                || !one(persona).isEmpty() || (q != null && !q.isBlank()) || from != null || to != null;
    }

    public List<TaskState> getState() {
        return state;
    }

    public void setState(List<TaskState> state) {
        this.state = state == null ? new ArrayList<>() : new ArrayList<>(state);
    }

    /** REST's word for {@code state}: the same filter under either name. */
    public void setStates(List<TaskState> states) {
        if (states != null) {
            states.stream().filter(s -> !state.contains(s)).forEach(state::add);
        }
    }

    /** REST's word ({@code search}) and the shell's ({@code text}) for {@code q}. */
    public void setSearch(String search) {
        setQ(search);
    }

    public void setText(String text) {
        setQ(text);
    }

    /** The shell's word for {@code tags}. */
    public void setTag(String tag) {
        setTags(tags == null || tags.isBlank() ? tag : tags + "," + tag);
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public Priority getPriority() {
        return priority;
    }

    public void setPriority(Priority priority) {
        this.priority = priority;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public String getStoryId() {
        return storyId;
    }

    public void setStoryId(String storyId) {
        this.storyId = storyId;
    }

    /** The shell's word for {@code storyId}. */
    public void setStory(String story) {
        setStoryId(story);
    }

    public String getEpicId() {
        return epicId;
    }

    public void setEpicId(String epicId) {
        this.epicId = epicId;
    }

    /** The shell's word for {@code epicId}. */
    public void setEpic(String epic) {
        setEpicId(epic);
    }

    public String getPersona() {
        return persona;
    }

    public void setPersona(String persona) {
        this.persona = persona;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        if (q != null && !q.isBlank()) {
            this.q = q;
        }
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public SortField getSort() {
        return sort;
    }

    public void setSort(SortField sort) {
        this.sort = sort == null ? SortField.UPDATED : sort;
        this.sortGiven = sort != null;
    }

    public boolean isDesc() {
        return desc;
    }

    public void setDesc(boolean desc) {
        this.desc = desc;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = Math.max(page, 1);
    }

    public String getAfter() {
        return after;
    }

    public void setAfter(String after) {
        this.after = after;
    }

    public String getBefore() {
        return before;
    }

    public void setBefore(String before) {
        this.before = before;
    }

    /** The saved view the list opens; the filters set beside it replace the view's. */
    public String getView() {
        return view;
    }

    public void setView(String view) {
        this.view = view;
    }
}
