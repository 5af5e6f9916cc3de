package io.taskvault.task.web;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.taskvault.task.TaskService;

@WebMvcTest(LiveController.class)
@io.taskvault.security.SecuredWebSlice
class LiveControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    TaskService tasks;

    @Test
    void answersNoContentWhileTheTasksAreUnchanged() throws Exception {
        given(tasks.changeVersion()).willReturn(7L);

        mvc.perform(get("/live").param("v", "7").header("HX-Request", "true"))
                .andExpect(status().isNoContent())
                .andExpect(header().doesNotExist("HX-Trigger"))
                .andExpect(content().string(""));
    }

    @Test
    void announcesTaskChangedWithAFreshPollerOnceTheStoreMovedOn() throws Exception {
        given(tasks.changeVersion()).willReturn(8L);

        mvc.perform(get("/live").param("v", "7").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", containsString("taskChanged")))
                .andExpect(content().string(containsString("/live?v=8")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("<html"))));
    }
}
