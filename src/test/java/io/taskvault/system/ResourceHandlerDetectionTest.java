package io.taskvault.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/** Spring MVC's resource URLs are found as Spring MVC finds them, without building the request mappings at start. */
class ResourceHandlerDetectionTest {

    private static final String HTMX = "/webjars/htmx.org/dist/htmx.min.js";

    //why: as the server runs: beans made when first needed, a controller, the webjars on the class path
    private final WebApplicationContextRunner mvc = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DispatcherServletAutoConfiguration.class,
                    HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class))
            .withBean(LazyInitializationBeanFactoryPostProcessor.class)
            .withUserConfiguration(Pages.class);

    @Test
    void springMvcAloneMakesTheRequestMappingsWhenTheContextIsRefreshed() {
        mvc.run(context -> assertThat(context.getBeanFactory().containsSingleton("requestMappingHandlerMapping")).isTrue());
    }

    @Test
    void findsTheSameResourceHandlersWithoutMakingTheRequestMappings() {
        Map<String, Object> springMvcs = new HashMap<>();
        String[] springMvcUrl = new String[1];
        mvc.run(context -> {
            springMvcs.putAll(context.getBean(ResourceUrlProvider.class).getHandlerMap());
            springMvcUrl[0] = context.getBean(ResourceUrlProvider.class).getForLookupPath(HTMX);
        });

        mvc.withBean(ResourceHandlerDetection.class).run(context -> {
            ResourceUrlProvider provider = context.getBean(ResourceUrlProvider.class);
            assertThat(provider.getHandlerMap()).containsKey("/webjars/**").containsOnlyKeys(springMvcs.keySet());
            assertThat(provider.getForLookupPath(HTMX)).isEqualTo(springMvcUrl[0]).isNotEqualTo(HTMX);
            assertThat(context.getBeanFactory().containsSingleton("requestMappingHandlerMapping")).isFalse();
            assertThat(context.getBean(RequestMappingHandlerMapping.class).getHandlerMethods()).isNotEmpty();
        });
    }

    @Test
    void onlyABeanDeclaredOnAnotherBranchOfTheClassTreeIsPassedOver() {
        assertThat(ResourceHandlerDetection.mayBeUrlMapping(RequestMappingHandlerMapping.class)).isFalse();
        assertThat(ResourceHandlerDetection.mayBeUrlMapping(SimpleUrlHandlerMapping.class)).isTrue();
        assertThat(ResourceHandlerDetection.mayBeUrlMapping(AbstractHandlerMapping.class)).isTrue();
        assertThat(ResourceHandlerDetection.mayBeUrlMapping(HandlerMapping.class)).isTrue();
        assertThat(ResourceHandlerDetection.mayBeUrlMapping(null)).isTrue();
    }

    @RestController
    static class Pages {
        @GetMapping("/page")
        String page() {
            return "page";
        }
    }
}
