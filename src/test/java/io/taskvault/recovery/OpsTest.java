package io.taskvault.recovery;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import io.taskvault.archive.ArchiveStore;
import io.taskvault.support.EmbeddedStoreTest;

/**
 * The operations tests' shared application: a fresh embedded store, a {@link MovableClock} every timestamp
 * comes from, a spy on the archive store (to inject failures), and no scheduled jobs or background recounts firing on
 * their own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EmbeddedStoreTest
@Import(OpsTest.Clocks.class)
@MockitoSpyBean(types = ArchiveStore.class)
//why: the statistics refresher reads the archive's counters from its own thread, and a call on the spy from another
//    thread while a test stubs it takes the stubbing (Mockito's pending answers belong to the mock, not the thread)
@TestPropertySource(properties = {"taskvault.scheduling.enabled=false", "taskvault.backup.folder=target/test-backups/${random.uuid}",
        "taskvault.statistics.refresh-interval=0"})
public @interface OpsTest {

    //why: imported, never annotated: an application started from the test classpath scans annotated classes too
    class Clocks {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }
}
