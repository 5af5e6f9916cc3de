package io.taskvault.task.secrets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

import io.taskvault.task.history.WellFormedText;

/**
 * Redacts secrets from a text stream line by line, so a 100 MiB log never sits in memory whole. Lines of a private
 * key block are redacted together: the block is buffered from its BEGIN line to its END line. A line longer than
 * {@link #MAX_LINE} is taken a piece at a time, each piece redacted with the end of the one before it, so a secret
 * across the cut is still found.
 */
public final class RedactingInputStream extends InputStream {

    /** How much of a stream's head {@link #looksLikeText} reads. */
    public static final int SNIFF_BYTES = 8 * 1024;
    static final int MAX_LINE = 1 << 20;
    //why: longer than any secret with its context (a JWT, a private key line), so none can straddle the carry
    static final int CARRY = 64 * 1024;
    private static final int MAX_BLOCK_LINES = 200;

    //why: lines with no hint of a secret pass a block at a time; redacting a 100 MiB log line by line cost most of its upload
    static final int BLOCK = 1 << 16;

    private final Reader text;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private final Deque<String> queued = new ArrayDeque<>();
    private InputStream current = InputStream.nullInputStream();
    private String carried = "";
    private int redactions;
    private boolean ended;

    public RedactingInputStream(InputStream text) {
        this.text = new InputStreamReader(text, StandardCharsets.UTF_8);
    }

    public int redactions() {
        return redactions;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (true) {
            int n = current.read(buffer, offset, length);
            if (n > 0) {
                return n;
            }
            if (ended || !nextChunk()) {
                return -1;
            }
        }
    }

    private boolean nextChunk() throws IOException {
        if (queued.isEmpty() && carried.isEmpty() && passedBlock()) {
            return true;
        }
        String line = readLine();
        if (line == null) {
            ended = true;
            if (carried.isEmpty()) {
                return false;
            }
            current = new ByteArrayInputStream(carried.getBytes(StandardCharsets.UTF_8));
            carried = "";
            return true;
        }
        StringBuilder chunk = new StringBuilder(carried).append(line);
        carried = "";
        if (line.contains("-----BEGIN") && line.contains("PRIVATE KEY-----")) {
            for (int i = 0; i < MAX_BLOCK_LINES && !line.contains("-----END"); i++) {
                line = readLine();
                if (line == null) {
                    break;
                }
                chunk.append(line);
            }
        }
        String original = chunk.toString();
        SecretRedactor.Redacted redacted = SecretRedactor.redact(original);
        String text = redacted.text();
        int cut = line != null && line.length() >= MAX_LINE ? cleanCut(original, text) : -1;
        if (cut > 0) {
            //why: the line goes on; its end is redacted again with what follows it
            SecretRedactor.Redacted head = SecretRedactor.redact(original.substring(0, cut));
            redactions += head.count();
            carried = original.substring(cut);
            text = head.text();
        } else {
            redactions += redacted.count();
        }
        current = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        return true;
    }

    /**
     * A place to cut a line's piece, {@link #CARRY} or more before its end, where redacting the two sides apart gives
     * what redacting the whole gives: no secret crosses it, nor does a secret's prefix; -1 if none is found near.
     */
    private static int cleanCut(String original, String whole) {
        for (int attempt = 0; attempt < 8; attempt++) {
            int cut = original.length() - CARRY - attempt * 4096;
            if (cut <= 0) {
                return -1;
            }
            if (Character.isHighSurrogate(original.charAt(cut - 1))) {
                cut--;
            }
            String head = SecretRedactor.redact(original.substring(0, cut)).text();
            if (whole.startsWith(head) && whole.substring(head.length())
                    .equals(SecretRedactor.redact(original.substring(cut)).text())) {
                return cut;
            }
        }
        return -1;
    }

    /**
     * Whether the stream's head (up to {@link #SNIFF_BYTES}, read and reset) is text: UTF-8 with no NUL byte. An
     * empty stream counts as text.
     */
    public static boolean looksLikeText(InputStream in) throws IOException {
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
        }
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(head);
        java.nio.charset.CoderResult result = StandardCharsets.UTF_8.newDecoder()
                .decode(bytes, java.nio.CharBuffer.allocate(head.length), true);
        //why: the head may end inside a character; anything else malformed is not text
        return !result.isError() || head.length == SNIFF_BYTES && bytes.remaining() < 4;
    }

    /**
     * Reads whole short lines up to {@link #BLOCK} characters. If none of them could hold a secret, they become the next
     * chunk as they are (redacting them line by line would change nothing) and this answers true; otherwise they stay
     * queued for {@link #nextChunk} to redact one by one.
     */
    private boolean passedBlock() throws IOException {
        StringBuilder block = new StringBuilder();
        String line;
        while (block.length() < BLOCK && (line = readTextLine()) != null) {
            queued.add(line);
            block.append(line);
            if (line.length() >= MAX_LINE) {
                return false;
            }
        }
        String lines = block.toString();
        if (queued.isEmpty() || SecretRedactor.mayHoldSecret(lines)) {
            return false;
        }
        queued.clear();
        current = new ByteArrayInputStream(WellFormedText.of(lines).getBytes(StandardCharsets.UTF_8));
        return true;
    }

    /**
     * The next line (a queued one first) with its terminator kept, so the content is unchanged where nothing is
     * redacted; at most {@link #MAX_LINE} characters.
     */
    private String readLine() throws IOException {
        String next = queued.poll();
        return next != null ? next : readTextLine();
    }

    /** The next line from the text itself, past the queued ones. */
    private String readTextLine() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            if (position == limit) {
                limit = Math.max(0, text.read(buffer, 0, buffer.length));
                position = 0;
                if (limit == 0) {
                    return line.length() == 0 ? null : line.toString();
                }
            }
            int start = position;
            int end = Math.min(limit, start + MAX_LINE - line.length());
            int i = start;
            while (i < end && buffer[i] != '\n') {
                i++;
            }
            boolean newline = i < end;
            position = newline ? i + 1 : i;
            line.append(buffer, start, position - start);
            if (newline || line.length() >= MAX_LINE) {
                return line.toString();
            }
        }
    }

    @Override
    public void close() throws IOException {
        text.close();
    }
}
