package io.taskvault.preferences.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletResponse;

import io.taskvault.preferences.PreferencesService;
import io.taskvault.preferences.ViewNotFoundException;
import io.taskvault.task.InvalidTaskException;
import io.taskvault.system.web.Formats;
import io.taskvault.task.web.TaskFilter;

/** Dashboard: /preferences (defaults and saved views), and the task list's "Save view". */
@Controller
class PreferencesController {

    static final String PAGE = "preferences/preferences";
    private static final Formats FORMATS = new Formats();

    private final PreferencesService preferences;

    PreferencesController(PreferencesService preferences) {
        this.preferences = preferences;
    }

    @ModelAttribute("fmt")
    Formats formats() {
        return FORMATS;
    }

    @GetMapping("/preferences")
    String page(Model model) {
        model.addAttribute("mine", preferences.mine());
        return PAGE;
    }

    @PostMapping("/preferences")
    String defaults(@RequestParam(required = false) String defaultRole,
                    @RequestParam(required = false) String defaultProvider, Model model,
                    RedirectAttributes redirect, HttpServletResponse response) {
        try {
            preferences.setDefaults(defaultRole, defaultProvider);
        } catch (InvalidTaskException e) {
            return refused(model, response, e.errors(), defaultRole, defaultProvider);
        }
        redirect.addFlashAttribute("saved", "Defaults saved.");
        return "redirect:/preferences";
    }

    /** Saves the list's filter (and the view it opened, with the filters set beside it) under {@code name}. */
    @PostMapping("/preferences/views")
    String saveView(@ModelAttribute TaskFilter filter, @RequestParam(required = false) String name, Model model,
                    HttpServletResponse response) {
        try {
            filter.openWith(preferences);
            preferences.saveView(name == null ? null : name.strip(), filter.exportQuery());
        } catch (InvalidTaskException e) {
            return refused(model, response, Map.of("view", "The view was not saved: " + String.join("; ",
                    e.errors().values())), null, null);
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/tasks").queryParam("view", name.strip()).encode().toUriString();
    }

    @PostMapping("/preferences/views/{name}/delete")
    String deleteView(@PathVariable String name, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            preferences.deleteView(name);
        } catch (ViewNotFoundException e) {
            return refused(model, response, Map.of("view", e.getMessage()), null, null);
        }
        redirect.addFlashAttribute("saved", "View '" + name + "' deleted.");
        return "redirect:/preferences";
    }

    private String refused(Model model, HttpServletResponse response, Map<String, String> errors, String role,
                           String provider) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("mine", preferences.mine());
        model.addAttribute("errors", errors);
        model.addAttribute("typedRole", role);
        model.addAttribute("typedProvider", provider);
        return PAGE;
    }
}
