package io.taskvault.task;

import java.util.Set;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Times every write through {@link TaskService} (metric {@code taskvault.task.writes}, tagged by operation and
 * outcome). A proxy, because the service publishes no timing of its own.
 */
@Configuration(proxyBeanMethods = false)
class WriteLatencyMetrics {

    private static final Set<String> WRITES = Set.of("create", "update", "transition", "retry", "restore",
            "appendOutput", "addNote");

    @Bean
    static BeanPostProcessor taskWriteTimer(ObjectProvider<MeterRegistry> registry) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof TaskService)) {
                    return bean;
                }
                ProxyFactory proxy = new ProxyFactory(bean);
                proxy.setProxyTargetClass(true);
                proxy.addAdvice((MethodInterceptor) call -> {
                    String method = call.getMethod().getName();
                    if (!WRITES.contains(method)) {
                        return call.proceed();
                    }
                    Timer.Sample sample = Timer.start();
                    String outcome = "error";
                    try {
                        Object result = call.proceed();
                        outcome = "success";
                        return result;
                    } finally {
                        sample.stop(Timer.builder("taskvault.task.writes").tag("operation", method).tag("outcome", outcome)
                                .description("Latency of task writes").register(registry.getObject()));
                    }
                });
                return proxy.getProxy(bean.getClass().getClassLoader());
            }
        };
    }
}
