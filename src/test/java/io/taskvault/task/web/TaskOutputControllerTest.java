package io.taskvault.task.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.taskvault.task.Task;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;
import io.taskvault.task.output.OutputDraft;
import io.taskvault.task.output.OutputType;
import io.taskvault.task.output.TaskOutput;

@WebMvcTest(TaskOutputController.class)
@io.taskvault.security.SecuredWebSlice
@Import(TaskView.class)
class TaskOutputControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    TaskService tasks;

    private static final String LOG = IntStream.rangeClosed(1, 2_500).mapToObj(i -> "line " + i + " <b>")
            .collect(Collectors.joining("\n"));

    private static TaskOutput output(OutputType type, String path, String mime, long size) {
        return TaskOutput.builder("id-TV-7", 1, type).gridFsId("grid").at(Instant.now()).file(path, size, mime)
                .sha256("sha").eventId("id-TV-7:4").build();
    }

    @BeforeEach
    void aLongLog() {
        given(tasks.output("TV-7", 1)).willReturn(output(OutputType.STDOUT, null, "text/plain", LOG.length()));
        given(tasks.openOutput(any())).willAnswer(i -> new ByteArrayInputStream(LOG.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void opensTheLogViewerAsAFullPageWhenItsUrlIsOpenedDirectly() throws Exception {
        mvc.perform(get("/tasks/TV-7/outputs/1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("href=\"/tasks/TV-7\"")))
                .andExpect(content().string(containsString("lines 1–1000")));
    }

    @Test
    void showsTheFirstThousandLinesOfALogWithALinkToTheNext() throws Exception {
        mvc.perform(get("/tasks/TV-7/outputs/1").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("lines 1–1000")))
                .andExpect(content().string(containsString("line 1000 &lt;b&gt;")))
                .andExpect(content().string(not(containsString("line 1001 "))))
                .andExpect(content().string(containsString("page=2")));
    }

    @Test
    void pagesToTheLastLinesWithoutANextLink() throws Exception {
        mvc.perform(get("/tasks/TV-7/outputs/1").param("page", "3").header("HX-Request", "true"))
                .andExpect(content().string(containsString("lines 2001–2500")))
                .andExpect(content().string(containsString("start=\"2001\"")))
                .andExpect(content().string(containsString("line 2500 &lt;b&gt;")))
                .andExpect(content().string(not(containsString("line 2000 "))))
                .andExpect(content().string(not(containsString("Next 1,000 lines"))));
    }

    @Test
    void downloadsAnArtifactUnderItsFileNameAsBytesWhateverItsDeclaredType() throws Exception {
        given(tasks.output("TV-7", 2)).willReturn(output(OutputType.ARTIFACT, "build/app.jar", "application/java-archive", 3));
        given(tasks.openOutput(any())).willAnswer(i -> new ByteArrayInputStream(new byte[]{1, 2, 3}));

        mvc.perform(get("/tasks/TV-7/outputs/2/download"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("filename=\"app.jar\"")))
                .andExpect(header().string("Content-Type", "application/octet-stream"))
                .andExpect(content().bytes(new byte[]{1, 2, 3}));
    }

    @Test
    void addsAnUploadedFileAsAnOutput() throws Exception {
        Task task = WebFixtures.task("TV-7", TaskState.RUNNING);
        given(tasks.get(anyString())).willReturn(task);
        given(tasks.history(anyString())).willReturn(List.of());
        given(tasks.outputs(anyString())).willReturn(List.of());
        given(tasks.verify(any(Task.class))).willReturn(WebFixtures.intact(task, 1));

        mvc.perform(multipart("/tasks/TV-7/outputs").file(new MockMultipartFile("file", "report.xml", "text/xml", "<ok/>".getBytes()))
                        .param("type", "TEST_REPORT").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", containsString("taskChanged")));

        ArgumentCaptor<OutputDraft> draft = ArgumentCaptor.forClass(OutputDraft.class);
        verify(tasks).appendOutput(eq("TV-7"), draft.capture(), eq("dashboard"));
        org.assertj.core.api.Assertions.assertThat(draft.getValue().type()).isEqualTo(OutputType.TEST_REPORT);
        org.assertj.core.api.Assertions.assertThat(draft.getValue().filePath()).isEqualTo("report.xml");
        org.assertj.core.api.Assertions.assertThat(draft.getValue().content().get().readAllBytes()).isEqualTo("<ok/>".getBytes());
    }

    @Test
    void reportsAnUnreadableOutputInTheFlashAreaInsteadOfAStackTrace() throws Exception {
        given(tasks.openOutput(any())).willThrow(new java.io.UncheckedIOException(new java.io.IOException("gridfs chunk 3 missing")));

        mvc.perform(get("/tasks/TV-7/outputs/1").header("HX-Request", "true"))
                .andExpect(status().isInternalServerError())
                .andExpect(header().string("HX-Retarget", "#flash"))
                .andExpect(content().string(containsString("Something went wrong")))
                .andExpect(content().string(not(containsString("gridfs chunk 3 missing"))));
    }

    @Test
    void refusesAnEmptyOutputWithAMessage() throws Exception {
        mvc.perform(multipart("/tasks/TV-7/outputs").param("type", "STDOUT").header("HX-Request", "true"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("HX-Retarget", "#flash"))
                .andExpect(content().string(containsString("content: is empty")));
    }
}
