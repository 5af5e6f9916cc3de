package io.taskvault.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Gives Spring MVC's {@link ResourceUrlProvider} its resource handlers when the context is refreshed, as the provider
 * would find them itself, but without making every handler mapping: the provider makes each {@link HandlerMapping}
 * bean to look for the URL mappings among them, which builds the request mappings of every controller and actuator
 * endpoint before the server is ready. Here only the mappings that can be URL mappings by their declared type are
 * made; the request mappings are left for the first request (or the warm-up after ready).
 */
class ResourceHandlerDetection implements ApplicationListener<ContextRefreshedEvent>, Ordered {

    private final ApplicationContext context;

    ResourceHandlerDetection(ApplicationContext context) {
        this.context = context;
    }

    //why: before the provider, which detects by itself only while no handler map was given
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) {
        if (event.getApplicationContext() != context) {
            return;
        }
        List<ResourceUrlProvider> providers = context.getBeanProvider(ResourceUrlProvider.class).stream()
                .filter(ResourceUrlProvider::isAutodetect).toList();
        if (!providers.isEmpty()) {
            Map<String, ResourceHttpRequestHandler> handlers = resourceHandlers();
            providers.forEach(provider -> provider.setHandlerMap(handlers));
        }
    }

    /** The resource handlers of the URL mappings, by URL pattern, in the mappings' order (as the provider finds them). */
    Map<String, ResourceHttpRequestHandler> resourceHandlers() {
        List<AbstractUrlHandlerMapping> mappings = new ArrayList<>();
        for (String name : BeanFactoryUtils.beanNamesForTypeIncludingAncestors(context, HandlerMapping.class)) {
            if (mayBeUrlMapping(context.getType(name)) && context.getBean(name) instanceof AbstractUrlHandlerMapping url) {
                mappings.add(url);
            }
        }
        AnnotationAwareOrderComparator.sort(mappings);
        Map<String, ResourceHttpRequestHandler> handlers = new LinkedHashMap<>();
        for (AbstractUrlHandlerMapping mapping : mappings) {
            mapping.getHandlerMap().forEach((pattern, handler) -> {
                if (handler instanceof ResourceHttpRequestHandler resources) {
                    handlers.put(pattern, resources);
                }
            });
        }
        return handlers;
    }

    /**
     * Whether a bean declared as {@code type} can be an {@link AbstractUrlHandlerMapping}: unless its type is a class
     * on another branch of the class tree (a request mapping, an endpoint mapping), it may be.
     */
    static boolean mayBeUrlMapping(Class<?> type) {
        return type == null || type.isInterface() || AbstractUrlHandlerMapping.class.isAssignableFrom(type)
                || type.isAssignableFrom(AbstractUrlHandlerMapping.class);
    }
}
