package io.taskvault.story.web;

import java.time.Clock;


import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriComponentsBuilder;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.taskvault.story.Grouping;
import io.taskvault.story.StoryRollup;
import io.taskvault.story.StoryService;
import io.taskvault.task.TaskState;

/** Dashboard: a story's page at /stories/{storyId} and an epic's at /epics/{epicId}, redrawn when tasks change. */
@Controller
class StoryPageController {

    static final String PAGE = "stories/rollup";
    static final String LIVE = "stories/rollup :: live";

    private final StoryService stories;
    private final ObjectProvider<Clock> clock;

    StoryPageController(StoryService stories, ObjectProvider<Clock> clock) {
        this.stories = stories;
        this.clock = clock;
    }

    @GetMapping("/stories/{storyId}")
    String story(@PathVariable String storyId, Model model) {
        return page(Grouping.STORY, storyId, model, PAGE);
    }

    @HxRequest
    @GetMapping("/stories/{storyId}")
    String storyLive(@PathVariable String storyId, Model model) {
        return page(Grouping.STORY, storyId, model, LIVE);
    }

    @GetMapping("/epics/{epicId}")
    String epic(@PathVariable String epicId, Model model) {
        return page(Grouping.EPIC, epicId, model, PAGE);
    }

    @HxRequest
    @GetMapping("/epics/{epicId}")
    String epicLive(@PathVariable String epicId, Model model) {
        return page(Grouping.EPIC, epicId, model, LIVE);
    }

    private String page(Grouping grouping, String id, Model model, String view) {
        StoryRollup rollup = stories.rollUp(grouping, id);
        model.addAttribute("rollup", rollup);
        model.addAttribute("listUrl", UriComponentsBuilder.fromPath("/tasks").queryParam(grouping.field(), rollup.id())
                .encode().build().toUriString());
        model.addAttribute("states", TaskState.values());
        model.addAttribute("now", clock.getIfAvailable(Clock::systemUTC).instant());
        return view;
    }
}
