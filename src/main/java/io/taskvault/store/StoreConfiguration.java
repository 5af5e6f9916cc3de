package io.taskvault.store;

import java.util.Optional;

import org.bson.UuidRepresentation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.DefaultDbRefResolver;
import org.springframework.data.mongodb.core.convert.DefaultMongoTypeMapper;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * Chooses the MongoDB taskvault talks to: the one named by {@code spring.data.mongodb.uri} (or Boot 4's
 * {@code spring.mongodb.uri}), else the embedded server started here. Either way through the real driver.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    static final String[] URI_PROPERTIES = {"spring.data.mongodb.uri", "spring.mongodb.uri"};

    static Optional<String> configuredUri(Environment environment) {
        for (String property : URI_PROPERTIES) {
            String value = environment.getProperty(property);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.trim());
            }
        }
        return Optional.empty();
    }

    /**
     * The embedded store's checkpoints and compaction steps (one thread). Not a default candidate: it serves the store
     * alone, and Boot's own scheduler for {@code @Scheduled} jobs stays as it is; metrics still show it by name.
     */
    @Bean(defaultCandidate = false)
    @Conditional(NoMongoUri.class)
    ThreadPoolTaskScheduler storeCheckpointer() {
        return EmbeddedMongoServer.checkpointScheduler();
    }

    @Bean(destroyMethod = "close")
    @Conditional(NoMongoUri.class)
    EmbeddedStore embeddedStore(StoreProperties properties, StoreChanges changes,
                                @Qualifier("storeCheckpointer") ThreadPoolTaskScheduler checkpointer) {
        return EmbeddedStore.open(properties, (collection, ids) -> changes.written(collection), checkpointer);
    }

    /** The thread that follows MongoDB's change streams ({@link ChangeStreamFeed}); idle on the embedded store. */
    @Bean(defaultCandidate = false)
    ThreadPoolTaskScheduler changeStreamFollower() {
        ThreadPoolTaskScheduler scheduler = new UnpausedScheduler();
        scheduler.setThreadNamePrefix("taskvault-change-stream-");
        scheduler.setDaemon(true);
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationSeconds(5);
        return scheduler;
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(Environment environment, ObjectProvider<EmbeddedStore> embedded) {
        Optional<String> configured = configuredUri(environment);
        String uri = configured.orElseGet(() -> embedded.getObject().connectionString());
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .uuidRepresentation(UuidRepresentation.STANDARD)
                .applicationName("taskvault");
        if (configured.isEmpty()) {
            //why: the embedded server runs each command on the network thread of its connection, so a scan of
            //    millions of documents can hold the driver's heartbeat for minutes; with the default 10 s the driver
            //    declared the in-process server down and failed every operation in flight (list index build at
            //    1,000,000 tasks). On loopback a connection is refused at once when nothing listens
            settings.applyToSocketSettings(socket -> socket.connectTimeout(0, java.util.concurrent.TimeUnit.MILLISECONDS));
        }
        return MongoClients.create(settings.build());
    }

    @Bean
    MongoDatabaseFactory mongoDatabaseFactory(MongoClient client, Environment environment, StoreProperties properties) {
        String database = configuredUri(environment).map(ConnectionString::new)
                .map(ConnectionString::getDatabase).orElse(properties.database());
        return new SimpleMongoClientDatabaseFactory(client, database);
    }

    @Bean
    MappingMongoConverter mappingMongoConverter(MongoDatabaseFactory factory, MongoMappingContext context,
                                                MongoCustomConversions conversions) {
        MappingMongoConverter converter = new MappingMongoConverter(new DefaultDbRefResolver(factory), context);
        converter.setCustomConversions(conversions);
        //why: documents carry their own schemaVersion; a Java class name in every document only costs disk
        converter.setTypeMapper(new DefaultMongoTypeMapper(null));
        return converter;
    }

    @Bean
    EngineCapabilities engineCapabilities(Environment environment) {
        return configuredUri(environment).isPresent() ? EngineCapabilities.MONGODB : EngineCapabilities.EMBEDDED;
    }

    @Bean
    StoreInfo storeInfo(Environment environment, ObjectProvider<EmbeddedStore> embedded) {
        return new StoreInfo(configuredUri(environment).isEmpty(), embedded);
    }

    static class NoMongoUri implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return configuredUri(context.getEnvironment()).isEmpty();
        }
    }
}
