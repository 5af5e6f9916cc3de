package io.taskvault.task;

import java.util.List;

/** One page of a task list: the tasks, how many match in all, and the cursor to the next page. */
public record TaskPage(List<Task> tasks, long total, int offset, int limit, String nextCursor) {
}
