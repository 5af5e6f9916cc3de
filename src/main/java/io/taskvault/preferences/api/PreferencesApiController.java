package io.taskvault.preferences.api;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskvault.preferences.PreferencesService;
import io.taskvault.preferences.SavedView;
import io.taskvault.preferences.UserPreferences;
import io.taskvault.system.ApiStatuses;
import io.taskvault.task.InvalidTaskException;

/**
 * REST: the caller's own saved views ({@code /api/views}) and defaults ({@code /api/preferences}); any signed-in
 * person or token may keep its own. {@code GET /api/tasks?view=NAME} opens a view.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "preferences", description = "Saved views and the defaults a person's new tasks get")
class PreferencesApiController {

    private final PreferencesService preferences;

    PreferencesApiController(PreferencesService preferences) {
        this.preferences = preferences;
    }

    @Operation(summary = "The caller's saved views")
    @GetMapping("/views")
    List<ViewAnswer> views() {
        return preferences.views().stream().map(ViewAnswer::of).toList();
    }

    @Operation(summary = "One saved view")
    @ApiStatuses({404})
    @GetMapping("/views/{name}")
    ViewAnswer view(@PathVariable String name) {
        return ViewAnswer.of(preferences.view(name));
    }

    /** Saves the view (201 when new, 200 when it replaced one): the body holds the search's filters and sort. */
    @Operation(summary = "Save a view (the search's filters and sort)")
    @ApiStatuses({201, 400})
    @PutMapping("/views/{name}")
    ResponseEntity<ViewAnswer> save(@PathVariable String name, @RequestBody(required = false) ViewBody body) {
        if (body == null) {
            throw new InvalidTaskException("body", "send the view's filters as JSON, e.g. {\"states\": [\"FAILED\"], \"sort\": \"priority\"}");
        }
        boolean replaced = preferences.mine().views().containsKey(name);
        SavedView saved = preferences.saveView(name, body.toQuery());
        ViewAnswer answer = ViewAnswer.of(saved);
        return replaced ? ResponseEntity.ok(answer) : ResponseEntity.created(URI.create("/api/views/" + name)).body(answer);
    }

    @Operation(summary = "Forget a saved view")
    @ApiStatuses({204, 404})
    @DeleteMapping("/views/{name}")
    ResponseEntity<Void> delete(@PathVariable String name) {
        preferences.deleteView(name);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The caller's defaults and view names")
    @GetMapping("/preferences")
    PreferencesAnswer show() {
        return PreferencesAnswer.of(preferences.mine());
    }

    /** Sets both defaults; a missing or null one is cleared. */
    @Operation(summary = "Set the defaults a new task of the caller gets")
    @ApiStatuses({400})
    @PutMapping("/preferences")
    PreferencesAnswer change(@RequestBody PreferencesBody body) {
        UserPreferences changed = preferences.setDefaults(body.defaultRole(), body.defaultProvider());
        return PreferencesAnswer.of(changed);
    }

}
