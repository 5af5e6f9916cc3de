package io.taskvault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.core.metrics.ApplicationStartup;
import org.springframework.core.metrics.jfr.FlightRecorderApplicationStartup;

/** The start-up timeline setting: kept for the endpoint, recorded for Flight Recorder, off, or refused by name. */
class StartupTimelineTest {

    @Test
    void eachSettingChoosesWhereTheStepsGo() {
        assertThat(startupFor("true")).isInstanceOf(BufferingApplicationStartup.class);
        assertThat(startupFor("jfr")).isInstanceOf(FlightRecorderApplicationStartup.class);
        assertThat(startupFor("false")).isSameAs(ApplicationStartup.DEFAULT);
    }

    @Test
    void aValueItDoesNotKnowIsRefusedWithTheOnesItDoes() {
        assertThatThrownBy(() -> startupFor("yes")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("taskvault.startup-timeline is 'yes'; it takes true, jfr or false");
    }

    private static ApplicationStartup startupFor(String setting) {
        SpringApplication application = new SpringApplication(TaskvaultApplication.class);
        TaskvaultApplication.timeline(setting, application);
        return application.getApplicationStartup();
    }
}
