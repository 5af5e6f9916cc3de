package io.taskvault.system.shell;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * How many words without an option each of the application's commands takes: its {@code @Argument} parameters, or
 * any number with {@code @Arguments}. Spring Shell 4 drops the words a command does not take, so
 * {@code edge add --from TV-1 --to TV-2 junk} would link and say nothing of {@code junk}.
 */
@Component
class DeclaredArguments {

    private static final String APPLICATION = "io.taskvault.";

    private final ListableBeanFactory beans;
    private volatile Map<String, Integer> taken;

    DeclaredArguments(ListableBeanFactory beans) {
        this.beans = beans;
    }

    /** The number of words without an option the command takes (MAX_VALUE: any); empty for a command not ours. */
    OptionalInt wordsTaken(String command) {
        Integer words = commands().get(command);
        return words == null ? OptionalInt.empty() : OptionalInt.of(words);
    }

    private Map<String, Integer> commands() {
        Map<String, Integer> known = taken;
        if (known == null) {
            known = scan();
            taken = known;
        }
        return known;
    }

    private Map<String, Integer> scan() {
        Map<String, Integer> words = new HashMap<>();
        for (String name : beans.getBeanDefinitionNames()) {
            //why: false, so a factory bean (each Spring Shell command is one) is not made just to learn its type
            Class<?> type = beans.getType(name, false);
            if (type == null || !type.getName().startsWith(APPLICATION)) {
                continue;
            }
            ReflectionUtils.doWithMethods(ClassUtils.getUserClass(type), method -> add(method, words),
                    method -> method.isAnnotationPresent(Command.class));
        }
        return Map.copyOf(words);
    }

    private static void add(Method method, Map<String, Integer> words) {
        Command command = method.getAnnotation(Command.class);
        String name = String.join(" ", command.name());
        if (name.isEmpty()) {
            return;
        }
        int count = 0;
        for (Parameter parameter : method.getParameters()) {
            if (parameter.isAnnotationPresent(Arguments.class)) {
                count = Integer.MAX_VALUE;
                break;
            }
            count += parameter.isAnnotationPresent(Argument.class) ? 1 : 0;
        }
        words.put(name, count);
        for (String alias : command.alias()) {
            words.put(alias, count);
        }
    }
}
