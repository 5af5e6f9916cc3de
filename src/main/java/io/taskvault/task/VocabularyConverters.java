package io.taskvault.task;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.taskvault.task.output.OutputType;

/** REST parameters and dashboard URLs read states, priorities, output types and sort keys as the shell does. */
@Configuration
class VocabularyConverters implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, TaskState.class, text -> Vocabulary.word(TaskState.class, "state", text));
        registry.addConverter(String.class, Priority.class, text -> Vocabulary.word(Priority.class, "priority", text));
        registry.addConverter(String.class, OutputType.class, text -> Vocabulary.word(OutputType.class, "type", text));
        registry.addConverter(String.class, TaskQuery.SortField.class,
                text -> Vocabulary.word(TaskQuery.SortField.class, "sort", text));
    }
}
