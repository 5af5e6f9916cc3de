package io.taskvault.store.schema;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.taskvault.system.ProgressListener;

/** A ProgressListener that keeps every report, as "done/total", for tests to check. */
public final class RecordingProgress implements ProgressListener {

    private final List<String> reports = new CopyOnWriteArrayList<>();

    @Override
    public void progress(long done, long total) {
        reports.add(done + "/" + total);
    }

    public List<String> reports() {
        return reports;
    }

    public String last() {
        return reports.isEmpty() ? "(none)" : reports.get(reports.size() - 1);
    }
}
