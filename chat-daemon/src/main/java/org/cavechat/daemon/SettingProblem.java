package org.cavechat.daemon;

import java.lang.reflect.Field;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * A bad setting described in the operator's words, once: {@code --bind: unknown host 'nohost'} when the value
 * is on the command line, {@code CAVECHAT_PORT: 'abc' is not a whole number} when it came from the option's
 * environment variable, so that whoever reads it knows which line of which file to fix. Never an exception's
 * class name: the converters say what is wrong, and {@link DaemonConfig} says which range a value missed.
 */
final class SettingProblem {
    /** An option's default as the annotations write it: {@code ${env:CAVECHAT_PORT:-33000}}. */
    private static final Pattern ENVIRONMENT_DEFAULT = Pattern.compile("\\$\\{env:(\\w+):-");

    private SettingProblem() {}

    /** What picocli found wrong while parsing, e.g. {@code --port: 'abc' is not a whole number}. */
    static String of(CommandLine.ParameterException mistake, List<String> args) {
        if (mistake.getArgSpec() instanceof OptionSpec option) {
            String problem = mistake.getCause() instanceof CommandLine.TypeConversionException conversion
                    ? conversion.getMessage() : mistake.getMessage();
            return source(option, args) + ": " + problem;
        }
        return mistake.getMessage();
    }

    /**
     * What {@link DaemonConfig} found out of range. Its messages start with the setting's name in words, as the
     * option spells it ("max line bytes must be ..." for {@code --max-line-bytes}); that names the option.
     */
    static String of(IllegalArgumentException outOfRange, CommandSpec command, List<String> args) {
        String message = outOfRange.getMessage();
        for (OptionSpec option : command.options()) {
            String words = option.longestName().replaceFirst("^-+", "").replace('-', ' ') + " ";
            if (message.startsWith(words)) {
                return source(option, args) + ": " + message.substring(words.length());
            }
        }
        return message;
    }

    /** {@code --port} when {@code args} set it, else the environment variable its default reads. */
    private static String source(OptionSpec option, List<String> args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                break;
            }
            for (String name : option.names()) {
                if (arg.equals(name) || arg.startsWith(name + "=")) {
                    return name;
                }
            }
        }
        String variable = environmentVariable(option);
        return variable == null ? option.longestName() : variable;
    }

    private static String environmentVariable(OptionSpec option) {
        if (option.userObject() instanceof Field field && field.isAnnotationPresent(Option.class)) {
            Matcher matcher = ENVIRONMENT_DEFAULT.matcher(field.getAnnotation(Option.class).defaultValue());
            if (matcher.lookingAt()) {
                return matcher.group(1);
            }
        }
        return null;
    }
}
