package io.taskvault.task.web;

import java.util.List;

/** What a bulk action did: the tasks it changed and, per task, why it could not change the others. */
record BulkResult(BulkAction action, List<String> changed, List<Failure> failures) {

    /** One task the action could not change, with the reason in words. */
    record Failure(String task, String problem) {
    }

    public int attempted() {
        return changed.size() + failures.size();
    }
}
