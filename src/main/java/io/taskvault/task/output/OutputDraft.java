package io.taskvault.task.output;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * An output to append. Content comes as a stream so a 100 MiB log never has to sit in memory whole.
 */
public record OutputDraft(OutputType type, Supplier<InputStream> content, String filePath, String mimeType,
                          String commitHash, String branch) {

    public static OutputDraft text(OutputType type, String text) {
        byte[] bytes = text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
        return new OutputDraft(type, () -> new ByteArrayInputStream(bytes), null, "text/plain; charset=utf-8", null, null);
    }

    public OutputDraft withFile(String path, String mime) {
        return new OutputDraft(type, content, path, mime, commitHash, branch);
    }

    public OutputDraft withCommit(String hash, String onBranch) {
        return new OutputDraft(type, content, filePath, mimeType, hash, onBranch);
    }
}
