package io.taskvault.system.shell;

import java.lang.reflect.Method;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.utils.Utils;
import org.springframework.util.ClassUtils;

/**
 * Spring Shell's command registry, holding the same commands as the one its auto-configuration makes, but found from
 * the bean definitions the application's component scan already made, and with each command's bean made when the
 * command first runs ({@link CommandOnFirstUse}).
 * //why: Spring Shell's registry scans the class path a second time (every class of the application read again) and
 * //    makes every command bean, and with them nearly every service, in every process
 */
@Configuration(proxyBeanMethods = false)
class CommandRegistryConfiguration {

    private static final String COMMAND = org.springframework.shell.core.command.annotation.Command.class.getName();

    @Bean
    CommandRegistry commandRegistry(ConfigurableApplicationContext context) {
        CommandRegistry registry = new CommandRegistry();
        context.getBeansOfType(Command.class).values().forEach(registry::registerCommand);
        ConfigurableListableBeanFactory beans = context.getBeanFactory();
        for (String name : beans.getBeanDefinitionNames()) {
            Class<?> type = commandsDeclaredBy(beans.getBeanDefinition(name), context.getClassLoader());
            if (type != null) {
                MethodIntrospector.selectMethods(type, CommandRegistryConfiguration::isCommand)
                        .forEach(method -> registry.registerCommand(new CommandOnFirstUse(method, context)));
            }
        }
        registry.registerCommand(Utils.QUIT_COMMAND);
        return registry;
    }

    /** The class of a scanned component with {@code @Command} methods, read from the scan's metadata; else null. */
    private static Class<?> commandsDeclaredBy(BeanDefinition definition, ClassLoader loader) {
        if (definition instanceof AnnotatedBeanDefinition annotated && annotated.getFactoryMethodMetadata() == null
                && annotated.getMetadata().hasAnnotatedMethods(COMMAND)) {
            return ClassUtils.resolveClassName(annotated.getMetadata().getClassName(), loader);
        }
        return null;
    }

    private static boolean isCommand(Method method) {
        return AnnotatedElementUtils.hasAnnotation(method,
                org.springframework.shell.core.command.annotation.Command.class);
    }
}
