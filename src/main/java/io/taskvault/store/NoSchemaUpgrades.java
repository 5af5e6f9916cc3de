package io.taskvault.store;

import org.bson.Document;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Until upgrade steps are registered, documents are read as they are. */
@Configuration(proxyBeanMethods = false)
class NoSchemaUpgrades {

    @Bean
    @ConditionalOnMissingBean(SchemaUpgrader.class)
    SchemaUpgrader schemaUpgrader() {
        return (collection, raw) -> raw;
    }
}
