package io.taskvault.system;

import java.net.URI;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.databind.DatabindException;

/** Maps every exception to RFC 9457 problem details, once, for every REST controller (after the multipart advice). */
@RestControllerAdvice(annotations = RestController.class)
//why: before WebErrors, which covers every controller of the app, REST ones included
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ApiProblems.class);

    private final ApiLimits limits;

    ApiProblems(org.springframework.core.env.Environment environment) {
        this.limits = ApiLimits.from(environment);
    }

    /** Every refusal the product words itself: the kind gives the status, the exception its title and facts. */
    @ExceptionHandler(TaskvaultException.class)
    ProblemDetail refused(TaskvaultException e) {
        ProblemDetail problem = problem(status(e.kind()), e.title(), e.getMessage());
        e.details().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    /**
     * Anything else is a fault of ours, not of the request (an IllegalArgumentException from deep inside included):
     * logged with its stack, answered 500 without internals.
     */
    @ExceptionHandler(RuntimeException.class)
    ProblemDetail unexpected(RuntimeException e) {
        if (e instanceof AuthenticationException authentication) {
            //why: Spring Security's filters turn it into 401 with the right challenge
            throw authentication;
        }
        LOG.error("REST request failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The request could not be completed because of an error in taskvault; the server log has the details");
    }

    static HttpStatus status(TaskvaultException.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case PRECONDITION_FAILED -> HttpStatus.PRECONDITION_FAILED;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String detail = "'" + e.getValue() + "' is not a valid value for '" + e.getName() + "'"
                + allowed(e.getRequiredType());
        if (org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e) instanceof TaskvaultException refusal
                && refusal.details().get("errors") instanceof Map<?, ?> words) {
            detail = "Parameter '" + e.getName() + "': "
                    + words.values().stream().map(String::valueOf).collect(Collectors.joining("; "));
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input", detail);
        problem.setProperty("errors", Map.of(e.getName(), detail));
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String detail = "The request body is not valid JSON for this endpoint";
        ProblemDetail problem;
        if (RequestLimits.tooLarge(e)) {
            problem = RequestLimits.tooLargeProblem(limits);
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).headers(headers).body(problem);
        }
        java.util.OptionalLong malformed = RequestLimits.malformedAt(e);
        if (malformed.isPresent()) {
            problem = problem(HttpStatus.BAD_REQUEST, "Invalid input", "The request body is not UTF-8: byte "
                    + malformed.getAsLong() + " is not part of a valid (shortest-form) UTF-8 sequence");
            return ResponseEntity.badRequest().headers(headers).body(problem);
        }
        if (e.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            String message = withoutJavaNames(databind.getOriginalMessage());
            detail = "Field '" + field + "': " + message;
            problem = problem(HttpStatus.BAD_REQUEST, "Invalid input", detail);
            problem.setProperty("errors", Map.of(field, message));
        } else {
            problem = problem(HttpStatus.BAD_REQUEST, "Invalid input", detail);
        }
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    //why: Jackson names the Java types (`io.taskvault.task.Priority`, class io.taskvault.task.TaskDraft) it failed on
    private static String withoutJavaNames(String message) {
        return message.replaceAll("\\s*\\(class [\\w.$]+\\)", "").replaceAll(",? not marked as ignorable.*", "")
                .replaceAll("`(?:[\\w$]+\\.)+([\\w$]+)`", "$1").replaceAll("(?:[a-z]\\w*\\.){2,}([A-Z][\\w$]*)", "$1");
    }

    private static String allowed(Class<?> type) {
        if (type != null && type.isEnum()) {
            return "; use one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "";
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("https://taskvault.io/problems/" + title.toLowerCase().replace(' ', '-')));
        return problem;
    }
}
