package io.taskvault.system;

import java.net.URI;
import java.util.Map;
import java.util.stream.Collectors;

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
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.taskvault.store.StoreUnavailableException;
import io.taskvault.task.ConcurrentTaskModificationException;
import io.taskvault.task.IllegalTransitionException;
import io.taskvault.task.InvalidTaskException;
import io.taskvault.task.TaskNotFoundException;
import io.taskvault.task.VersionMismatchException;
import io.taskvault.task.api.BatchTooLargeException;

import tools.jackson.databind.DatabindException;

/** Maps domain exceptions to RFC 9457 problem details, once, for every REST controller. */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    private final ApiLimits limits;

    ApiProblems(org.springframework.core.env.Environment environment) {
        this.limits = ApiLimits.from(environment);
    }

    @ExceptionHandler(TaskNotFoundException.class)
    ProblemDetail notFound(TaskNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Task not found", e.getMessage());
    }

    @ExceptionHandler(InvalidTaskException.class)
    ProblemDetail invalid(InvalidTaskException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage());
        problem.setProperty("errors", e.errors());
        return problem;
    }

    @ExceptionHandler(IllegalTransitionException.class)
    ProblemDetail illegalTransition(IllegalTransitionException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Illegal transition", e.getMessage());
        problem.setProperty("from", e.from());
        problem.setProperty("to", e.to());
        problem.setProperty("allowed", e.from().next());
        return problem;
    }

    @ExceptionHandler(VersionMismatchException.class)
    ProblemDetail versionMismatch(VersionMismatchException e) {
        return problem(HttpStatus.PRECONDITION_FAILED, "Version mismatch", e.getMessage());
    }

    @ExceptionHandler(ConcurrentTaskModificationException.class)
    ProblemDetail lostRace(ConcurrentTaskModificationException e) {
        return problem(HttpStatus.CONFLICT, "Concurrent modification", e.getMessage());
    }

    @ExceptionHandler(StoreUnavailableException.class)
    ProblemDetail unavailable(StoreUnavailableException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Store unavailable", e.getMessage());
    }

    @ExceptionHandler(BatchTooLargeException.class)
    ProblemDetail batchTooLarge(BatchTooLargeException e) {
        ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "Request too large", e.getMessage());
        problem.setProperty("limit", e.max());
        return problem;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    /** Services refuse bad arguments (an unknown edge type, a bad token name …) with IllegalArgumentException. */
    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badArgument(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String detail = "'" + e.getValue() + "' is not a valid value for '" + e.getName() + "'"
                + allowed(e.getRequiredType());
        if (org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e) instanceof InvalidTaskException words) {
            detail = "Parameter '" + e.getName() + "': " + String.join("; ", words.errors().values());
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
