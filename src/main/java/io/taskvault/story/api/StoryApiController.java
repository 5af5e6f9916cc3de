package io.taskvault.story.api;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskvault.story.Grouping;
import io.taskvault.story.StoryRollup;
import io.taskvault.story.StoryService;
import io.taskvault.system.ApiStatuses;

/** REST: a story's or an epic's roll-up (tasks by state, percent done, blocked and failed tasks, last activity). */
@RestController
@RequestMapping("/api")
@Tag(name = "stories", description = "Roll-ups of stories and epics")
class StoryApiController {

    private final StoryService stories;

    StoryApiController(StoryService stories) {
        this.stories = stories;
    }

    @Operation(summary = "A story's roll-up: tasks by state, percent done, blocked and failed tasks")
    @ApiStatuses({404})
    @GetMapping("/stories/{storyId}")
    StoryRollup story(@PathVariable String storyId) {
        return stories.rollUp(Grouping.STORY, storyId);
    }

    @Operation(summary = "An epic's roll-up: tasks by state, percent done, blocked and failed tasks")
    @ApiStatuses({404})
    @GetMapping("/epics/{epicId}")
    StoryRollup epic(@PathVariable String epicId) {
        return stories.rollUp(Grouping.EPIC, epicId);
    }

}
