package io.taskvault.store.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.shell.test.autoconfigure.ShellTest;
import org.springframework.test.context.ContextConfiguration;
import org.testcontainers.mongodb.MongoDBContainer;

import io.taskvault.support.DockerAvailable;

/**
 * The full application on one shared Testcontainers MongoDB, where a Docker engine answers (skipped with a
 * one-line reason elsewhere), with the same doors and schema upgrade settings as {@code EmbeddedStoreTest}. The
 * schema and exchange contracts run on it as well as on the embedded store.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DockerAvailable
@SpringBootTest(properties = {"spring.shell.interactive.enabled=false", "taskvault.shell.exit-on-finish=false",
        "taskvault.schema.upgrade-on-start=false", "taskvault.schema.batch-size=100"})
@AutoConfigureMockMvc
@ShellTest
@ContextConfiguration(initializers = MongoContainerStoreTest.Container.class)
public @interface MongoContainerStoreTest {

    /** Starts the container once per test JVM and points the application at it. */
    class Container implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            MONGO.start();
            TestPropertyValues.of("spring.data.mongodb.uri=" + MONGO.getReplicaSetUrl("taskvault")).applyTo(context);
        }
    }
}
