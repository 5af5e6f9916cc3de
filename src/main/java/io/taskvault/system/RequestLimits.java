package io.taskvault.system;

import java.io.IOException;
import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Guards the REST API's door before any parsing: a JSON body or an upload larger than its limit gets 413 naming
 * the limit (checked on Content-Length, and a chunked JSON body is counted while it is read), and a query parameter whose name
 * looks like a MongoDB operator or a nested key ({@code states[$ne]=x}, {@code a.b=1}) gets 400, so no parameter
 * can ever reach a query as anything but a plain value.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestLimits extends OncePerRequestFilter {

    private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,63}");

    private final ApiLimits limits;

    RequestLimits(Environment environment) {
        this.limits = ApiLimits.from(environment);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isFormWithJson(request)) {
            write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, ApiProblems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Unsupported media type", "Send the JSON body with the header Content-Type: application/json"));
            return;
        }
        for (String name : queryParameterNames(request)) {
            if (!PARAMETER_NAME.matcher(name).matches()) {
                write(response, HttpStatus.BAD_REQUEST, ApiProblems.problem(HttpStatus.BAD_REQUEST, "Invalid input",
                        "Query parameter '" + abbreviate(name) + "' is not accepted: parameter names are plain words "
                                + "(no $, brackets or dots), and values are never read as query operators"));
                return;
            }
        }
        if (isMultipart(request) && request.getContentLengthLong() > limits.maxUpload().toBytes()) {
            //why: past this point the container rejects it with a bare 413 before any controller advice can word it
            ProblemDetail problem = ApiProblems.problem(HttpStatus.CONTENT_TOO_LARGE, "Request too large",
                    "An upload may be at most " + limits.maxUpload().toBytes() + " bytes (" + ApiLimits.MAX_UPLOAD + ")");
            problem.setProperty("limitBytes", limits.maxUpload().toBytes());
            write(response, HttpStatus.CONTENT_TOO_LARGE, problem);
            return;
        }
        if (!isJson(request)) {
            chain.doFilter(request, response);
            return;
        }
        long max = limits.maxJsonBody().toBytes();
        if (request.getContentLengthLong() > max) {
            write(response, HttpStatus.CONTENT_TOO_LARGE, tooLargeProblem(limits));
            return;
        }
        chain.doFilter(new Capped(request, max), response);
    }

    //why: curl -d without -H sends JSON as a url-encoded form, whose "parameter name" is the whole JSON text
    private static boolean isFormWithJson(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            return false;
        }
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        return java.util.Collections.list(request.getParameterNames()).stream()
                .anyMatch(name -> (name.startsWith("{") || name.startsWith("[")) && !query.contains(name));
    }

    /**
     * The query string's parameter names (and a url-encoded form's): asking the container for every parameter
     * would make it parse, and size-check, a multipart upload before the controller does.
     */
    private static java.util.List<String> queryParameterNames(HttpServletRequest request) {
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        java.util.List<String> names = new java.util.ArrayList<>();
        String type = request.getContentType();
        if (type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            names.addAll(java.util.Collections.list(request.getParameterNames()));
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String raw = eq < 0 ? pair : pair.substring(0, eq);
            try {
                names.add(java.net.URLDecoder.decode(raw, java.nio.charset.StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                names.add(raw);
            }
        }
        return names;
    }

    static ProblemDetail tooLargeProblem(ApiLimits limits) {
        ProblemDetail problem = ApiProblems.problem(HttpStatus.CONTENT_TOO_LARGE, "Request too large",
                "A JSON body may be at most " + limits.maxJsonBody().toBytes() + " bytes (" + ApiLimits.MAX_JSON_BODY
                        + "); upload large outputs as multipart files instead");
        problem.setProperty("limitBytes", limits.maxJsonBody().toBytes());
        return problem;
    }

    /** The byte at which reading a JSON body found it is not UTF-8, if that is why reading it stopped. */
    static java.util.OptionalLong malformedAt(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MalformedBodyException malformed) {
                return java.util.OptionalLong.of(malformed.position);
            }
        }
        return java.util.OptionalLong.empty();
    }

    /** True when reading the body stopped because it passed the limit. */
    static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith("multipart/");
    }

    private static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().contains("json");
    }

    static void write(HttpServletResponse response, HttpStatus status, ProblemDetail problem) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"" + problem.getType() + "\",\"title\":\"" + problem.getTitle()
                + "\",\"status\":" + status.value() + ",\"detail\":" + quote(problem.getDetail())
                + (problem.getProperties() != null && problem.getProperties().containsKey("limitBytes")
                ? ",\"limitBytes\":" + problem.getProperties().get("limitBytes") : "") + "}");
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String abbreviate(String name) {
        return name.length() > 64 ? name.substring(0, 64) + "…" : name;
    }

    /** Thrown while reading a body that turns out larger than the limit. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long max) {
            super("request body larger than " + max + " bytes");
        }
    }

    /** Thrown while reading a JSON body whose bytes are not strict UTF-8. */
    static final class MalformedBodyException extends IOException {
        private final long position;

        MalformedBodyException(long position) {
            super("request body is not UTF-8 at byte " + position);
            this.position = position;
        }
    }

    /** A JSON body counted against its limit and checked as strict UTF-8 while it is read. */
    private static final class Capped extends HttpServletRequestWrapper {
        private final long max;

        Capped(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            StrictUtf8 utf8 = new StrictUtf8();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    count(b < 0 ? 0 : 1);
                    check(b);
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    count(Math.max(n, 0));
                    if (n < 0) {
                        check(-1);
                    }
                    for (int i = 0; i < n; i++) {
                        check(buffer[offset + i] & 0xFF);
                    }
                    return n;
                }

                private void check(int b) throws IOException {
                    if (b < 0 ? !utf8.complete() : !utf8.accept(b)) {
                        throw new MalformedBodyException(utf8.position());
                    }
                }

                private void count(int n) throws IOException {
                    read += n;
                    if (read > max) {
                        throw new BodyTooLargeException(max);
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
