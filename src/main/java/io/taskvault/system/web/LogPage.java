package io.taskvault.system.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of a text output, read as a stream: the lines before the page are skipped, the page is kept, and
 * one more line is peeked to know whether a next page exists. A 10 MB log is never held in memory or the DOM whole.
 */
public record LogPage(int page, int firstLine, List<String> lines, boolean hasNext) {

    static final int LINES = 1_000;
    //why: one minified 5 MB line would otherwise land in the DOM as a single text node
    static final int MAX_LINE = 4_000;

    public static LogPage read(InputStream content, int page) {
        int first = Math.max(page, 1) - 1;
        long skip = (long) first * LINES;
        List<String> lines = new ArrayList<>();
        boolean more = false;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8), 64 * 1024)) {
            String line;
            long index = 0;
            while ((line = reader.readLine()) != null) {
                if (index++ < skip) {
                    continue;
                }
                if (lines.size() == LINES) {
                    more = true;
                    break;
                }
                lines.add(line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + " … (" + line.length() + " chars)" : line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the output: " + e.getMessage(), e);
        }
        return new LogPage(first + 1, (int) skip + 1, lines, more);
    }

    public int lastLine() {
        return firstLine + lines.size() - 1;
    }
}
