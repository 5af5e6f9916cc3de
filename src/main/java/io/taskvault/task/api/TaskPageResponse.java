package io.taskvault.task.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import io.taskvault.task.TaskPage;

/** One page of a task search: the tasks, how many match in all, and the cursor to the next page (null on the last). */
@Schema(name = "TaskPage")
public record TaskPageResponse(List<TaskResponse> tasks, long total, int offset, int limit, String nextCursor) {

    static TaskPageResponse of(TaskPage page) {
        return new TaskPageResponse(TaskResponse.of(page.tasks()), page.total(), page.offset(), page.limit(),
                page.nextCursor());
    }
}
