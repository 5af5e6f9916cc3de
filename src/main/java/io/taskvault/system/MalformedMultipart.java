package io.taskvault.system;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * A multipart body the container cannot parse (cut short, a wrong boundary, broken part headers) is the caller's
 * mistake: 400 with problem details, on every door. It fails before any controller is chosen, so the doors' own advice,
 * each bound to its controllers, never sees it.
 */
@RestControllerAdvice
//why: before ApiProblems, whose catch-all would otherwise answer a multipart failure raised inside a REST call
@Order(Ordered.LOWEST_PRECEDENCE - 2)
class MalformedMultipart {

    private final ApiLimits limits;

    MalformedMultipart(org.springframework.core.env.Environment environment) {
        this.limits = ApiLimits.from(environment);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> malformed(MultipartException e) {
        ProblemDetail problem;
        HttpStatus status;
        if (e instanceof MaxUploadSizeExceededException) {
            status = HttpStatus.CONTENT_TOO_LARGE;
            problem = ApiProblems.problem(status, "Request too large",
                    "An upload may be at most " + limits.maxUpload().toBytes() + " bytes (" + ApiLimits.MAX_UPLOAD + ")");
            problem.setProperty("limitBytes", limits.maxUpload().toBytes());
        } else {
            status = HttpStatus.BAD_REQUEST;
            problem = ApiProblems.problem(status, "Invalid input", "The multipart body could not be read ("
                    + rootMessage(e) + "): send parts separated by the boundary its Content-Type names, each with a "
                    + "Content-Disposition header, and the closing boundary");
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
