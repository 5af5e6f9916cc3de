package io.taskvault.task.output;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * How an output's content is handed to a browser, the same for the REST API and the dashboard: text as
 * {@code text/plain; charset=utf-8}, anything else as an {@code application/octet-stream} attachment. So no output
 * is ever an HTML page or a script of the app's origin, whatever type its uploader declared (that type stays in the
 * output's metadata). The security configuration adds {@code Content-Security-Policy: sandbox} to these answers.
 */
public final class ServedOutput {

    public static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    private ServedOutput() {
    }

    /** The headers for the content of {@code output} of task {@code ref}; {@code download} makes text an attachment too. */
    public static HttpHeaders headers(TaskOutput output, String ref, boolean download) {
        HttpHeaders headers = new HttpHeaders();
        boolean text = OutputMediaTypes.readableAsText(output.mimeType());
        headers.setContentType(text ? TEXT : MediaType.APPLICATION_OCTET_STREAM);
        headers.setContentLength(output.size());
        if (download || !text) {
            String name = fileName(output, ref);
            ContentDisposition.Builder attachment = ContentDisposition.attachment();
            headers.setContentDisposition((StandardCharsets.US_ASCII.newEncoder().canEncode(name)
                    ? attachment.filename(name) : attachment.filename(name, StandardCharsets.UTF_8)).build());
        }
        return headers;
    }

    static String fileName(TaskOutput output, String ref) {
        String path = output.filePath();
        String name = path == null || path.isBlank() ? ref + "-output-" + output.seq()
                : path.substring(path.replace('\\', '/').lastIndexOf('/') + 1);
        String safe = name.replaceAll("[\\p{Cntrl}\"]", "_");
        return safe.isBlank() ? ref + "-output-" + output.seq() : safe;
    }
}
