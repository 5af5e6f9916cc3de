package io.taskvault.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The full application serving HTTP on a random port, on its own fresh embedded store: for what MockMvc cannot
 * show (a browser, Tomcat's own parsing and upload limits, a live event stream). Uploads are limited to 2 KB and
 * events settle for 100 ms, so the limits and the stream are quick to reach.
 */
//why: one set of properties for every test through a real server, so Spring's context cache starts it once
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.shell.interactive.enabled=false",
        "taskvault.shell.exit-on-finish=false",
        "taskvault.store.path=target/test-stores/${random.uuid}/taskvault.mv",
        "taskvault.store.cache-size-mb=64",
        "spring.servlet.multipart.max-file-size=2KB", "spring.servlet.multipart.max-request-size=2KB",
        "taskvault.events.settle=100ms"})
@AutoConfigureMockMvc
public @interface RunningServerTest {
}
