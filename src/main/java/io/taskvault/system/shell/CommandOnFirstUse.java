package io.taskvault.system.shell;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.beans.BeansException;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.shell.core.command.AbstractCommand;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.shell.core.command.annotation.support.CommandFactoryBean;
import org.springframework.shell.core.command.availability.AvailabilityProvider;
import org.springframework.shell.core.command.completion.CompletionProvider;
import org.springframework.shell.core.command.completion.DefaultCompletionProvider;
import org.springframework.shell.core.utils.Utils;
import org.springframework.util.function.SingletonSupplier;

/**
 * A {@code @Command} method as Spring Shell's {@link CommandFactoryBean} describes it (name, description, group, help,
 * aliases, options), whose bean is made when the command first runs or asks whether it is available: listing,
 * {@code help <command>}, option checks and completion read only the annotations. Running it runs the command Spring
 * Shell makes. Equal, as Spring Shell's commands are, to any command of the same name.
 */
final class CommandOnFirstUse extends AbstractCommand {

    private final Method method;
    private final ApplicationContext context;
    private final org.springframework.shell.core.command.annotation.Command declared;
    private final Supplier<Command> made;
    private final Supplier<CompletionProvider> completion;

    CommandOnFirstUse(Method method, ApplicationContext context) {
        this(method, context, MergedAnnotations.from(method)
                .get(org.springframework.shell.core.command.annotation.Command.class).synthesize());
    }

    private CommandOnFirstUse(Method method, ApplicationContext context,
            org.springframework.shell.core.command.annotation.Command declared) {
        super(name(method, declared), declared.description().isEmpty() ? "N/A" : declared.description(),
                declared.group().isEmpty() ? defaultGroup(method.getDeclaringClass()) : declared.group(),
                declared.help(), declared.hidden());
        this.method = method;
        this.context = context;
        this.declared = declared;
        this.made = SingletonSupplier.of(this::make);
        this.completion = SingletonSupplier.of(this::completionProvider);
        setAliases(Arrays.asList(declared.alias()));
        setOptions(options(method));
    }

    @Override
    public ExitStatus execute(CommandContext commandContext) throws Exception {
        return made.get().execute(commandContext);
    }

    @Override
    public ExitStatus doExecute(CommandContext commandContext) throws Exception {
        return execute(commandContext);
    }

    @Override
    public AvailabilityProvider getAvailabilityProvider() {
        return declared.availabilityProvider().isEmpty() ? AvailabilityProvider.alwaysAvailable()
                : made.get().getAvailabilityProvider();
    }

    @Override
    public CompletionProvider getCompletionProvider() {
        return completion.get();
    }

    @Override
    public String toString() {
        return "command '" + getName() + "' (" + method.getDeclaringClass().getSimpleName() + "." + method.getName()
                + ")";
    }

    private Command make() {
        CommandFactoryBean factory = new CommandFactoryBean(method);
        factory.setApplicationContext(context);
        return factory.getObject();
    }

    //why: the provider alone, as CommandFactoryBean finds it, so completing a word does not make the command's bean
    private CompletionProvider completionProvider() {
        String bean = declared.completionProvider();
        if (!bean.isEmpty()) {
            try {
                return context.getBean(bean, CompletionProvider.class);
            } catch (BeansException e) {
                // as CommandFactoryBean: the default provider
            }
        }
        return new DefaultCompletionProvider();
    }

    private static String name(Method method, org.springframework.shell.core.command.annotation.Command declared) {
        String named = String.join(" ", declared.name());
        return named.isEmpty() ? Utils.unCamelify(method.getName()) : named;
    }

    private static String defaultGroup(Class<?> declaringClass) {
        String simpleName = Utils.splitCamelCase(declaringClass.getSimpleName());
        return simpleName.endsWith(" Commands") ? simpleName : simpleName + " Commands";
    }

    private static List<CommandOption> options(Method method) {
        List<CommandOption> options = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            Option option = parameter.getAnnotation(Option.class);
            if (option != null) {
                options.add(CommandOption.with()
                        .shortName(option.shortName())
                        .longName(option.longName().isEmpty() ? parameter.getName() : option.longName())
                        .description(option.description())
                        .required(option.required())
                        .defaultValue(option.defaultValue())
                        .type(parameter.getType())
                        .build());
            }
        }
        return List.copyOf(options);
    }
}
