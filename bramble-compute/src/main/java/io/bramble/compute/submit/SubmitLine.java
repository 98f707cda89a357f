package io.bramble.compute.submit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A spark-submit line without {@code --master}: options, the application ({@code APP.jar} or
 * {@code APP.py}) and the application's arguments. Options that take a value are spark-submit's
 * own; the first word that is neither an option nor an option's value is the application.
 *
 * @param options spark-submit's options, as typed
 * @param application the application's file
 * @param arguments what follows the application, passed to it unchanged
 */
public record SubmitLine(List<String> options, String application, List<String> arguments) {
    /** spark-submit's options that take a value (Spark 4.2's SparkSubmitOptionParser). */
    static final Set<String> WITH_VALUE = Set.of("--class", "--name", "--jars", "--packages",
            "--exclude-packages", "--repositories", "--conf", "-c", "--properties-file",
            "--driver-memory", "--driver-java-options", "--driver-library-path",
            "--driver-class-path", "--driver-cores", "--executor-memory", "--executor-cores",
            "--total-executor-cores", "--num-executors", "--files", "--py-files", "--archives",
            "--deploy-mode", "--proxy-user", "--principal", "--keytab", "--queue");
    /** Options the pool sets itself. */
    static final Set<String> REFUSED = Set.of("--master", "--remote");

    /** A line that cannot be submitted; the message is the one-line error users see. */
    public static final class BadSubmit extends Exception {
        public BadSubmit(String message) {
            super(message);
        }
    }

    public SubmitLine {
        options = List.copyOf(options);
        arguments = List.copyOf(arguments);
    }

    public static SubmitLine parse(List<String> words) throws BadSubmit {
        List<String> options = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
            if (REFUSED.contains(name)) {
                throw new BadSubmit("compute submit: " + name + " is the pool's: leave it"
                        + " out, the application goes to the pool's master");
            }
            if (!word.startsWith("-")) {
                return new SubmitLine(options, word, words.subList(i + 1, words.size()));
            }
            options.add(word);
            if (WITH_VALUE.contains(word)) {
                if (i + 1 >= words.size()) {
                    throw new BadSubmit("compute submit: " + word + " needs a value");
                }
                options.add(words.get(++i));
            }
        }
        throw new BadSubmit("compute submit: no application given; expected"
                + " [spark-submit options] APP.jar|APP.py [ARGS]");
    }

    public boolean isPython() { return application.endsWith(".py"); }

    /** The value of option {@code name} as typed ({@code --name V} or {@code --name=V}). */
    public Optional<String> option(String name) {
        for (int i = 0; i < options.size(); i++) {
            String o = options.get(i);
            if (o.equals(name) && i + 1 < options.size()) {
                return Optional.of(options.get(i + 1));
            }
            if (o.startsWith(name + "=")) {
                return Optional.of(o.substring(name.length() + 1));
            }
        }
        return Optional.empty();
    }
}
