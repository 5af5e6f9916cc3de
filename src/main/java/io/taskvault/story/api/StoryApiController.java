package io.taskvault.story.api;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.taskvault.story.Grouping;
import io.taskvault.story.StoryNotFoundException;
import io.taskvault.story.StoryRollup;
import io.taskvault.story.StoryService;

/** REST: a story's or an epic's roll-up (tasks by state, percent done, blocked and failed tasks, last activity). */
@RestController
@RequestMapping("/api")
class StoryApiController {

    private final StoryService stories;

    StoryApiController(StoryService stories) {
        this.stories = stories;
    }

    @GetMapping("/stories/{storyId}")
    StoryRollup story(@PathVariable String storyId) {
        return stories.rollUp(Grouping.STORY, storyId);
    }

    @GetMapping("/epics/{epicId}")
    StoryRollup epic(@PathVariable String epicId) {
        return stories.rollUp(Grouping.EPIC, epicId);
    }

    @ExceptionHandler(StoryNotFoundException.class)
    ProblemDetail notFound(StoryNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Story not found");
        problem.setType(URI.create("https://taskvault.io/problems/story-not-found"));
        return problem;
    }
}
