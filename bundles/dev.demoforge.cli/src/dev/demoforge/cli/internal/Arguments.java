package dev.demoforge.cli.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A verb and its {@code --option value} / {@code --flag} arguments, checked against what the verb accepts.
 */
final class Arguments {

    private final String verb;
    private final String subject;
    private final Map<String, String> options = new HashMap<>();
    private final List<String> operands = new ArrayList<>();

    private Arguments(String verb, String subject) {
        this.verb = verb;
        this.subject = subject;
    }

    /**
     * Parses {@code args}: the first word is the verb, the rest options.
     *
     * @param valued options that take a value, per verb (the global {@code --workspace} is always allowed)
     * @param flags  options without a value, per verb
     * @param subjects verbs that take a subject word right after them ({@code bench recorder}), and the subjects
     */
    static Arguments parse(String[] args, Map<String, Set<String>> valued, Map<String, Set<String>> flags,
            Map<String, Set<String>> subjects) throws UsageException {
        return parse(args, valued, flags, subjects, Set.of());
    }

    /**
     * As {@link #parse(String[], Map, Map, Map)}; verbs in {@code withOperands} also take plain words (operands, such
     * as {@code dataset show NAME}) among their options.
     */
    static Arguments parse(String[] args, Map<String, Set<String>> valued, Map<String, Set<String>> flags,
            Map<String, Set<String>> subjects, Set<String> withOperands) throws UsageException {
        if (args.length == 0) {
            throw new UsageException("No verb given. Verbs: " + String.join(", ", valued.keySet().stream().sorted().toList()));
        }
        String verb = args[0];
        if (!valued.containsKey(verb)) {
            throw new UsageException("Unknown verb '" + verb + "'. Verbs: "
                    + String.join(", ", valued.keySet().stream().sorted().toList()));
        }
        String subject = null;
        int first = 1;
        if (subjects.containsKey(verb)) {
            List<String> allowed = subjects.get(verb).stream().sorted().toList();
            if (args.length < 2 || !allowed.contains(args[1])) {
                throw new UsageException(verb + " needs one of " + allowed
                        + (args.length < 2 ? "" : ", not '" + args[1] + "'"));
            }
            subject = args[1];
            first = 2;
        }
        Arguments parsed = new Arguments(verb, subject);
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(first, args.length));
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            if (!arg.startsWith("--") && withOperands.contains(verb)) {
                parsed.operands.add(arg);
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new UsageException("Unexpected argument '" + arg + "' for " + verb);
            }
            String name = arg.substring(2);
            if (flags.getOrDefault(verb, Set.of()).contains(name)) {
                parsed.options.put(name, "true");
            } else if (valued.get(verb).contains(name) || name.equals("workspace")) {
                if (i + 1 >= rest.size() || rest.get(i + 1).startsWith("--")) {
                    throw new UsageException("Option --" + name + " needs a value");
                }
                parsed.options.put(name, rest.get(++i));
            } else {
                throw new UsageException("Unknown option --" + name + " for " + verb);
            }
        }
        return parsed;
    }

    String verb() {
        return verb;
    }

    /** The word after the verb for verbs that take one ({@code bench recorder}), else null. */
    String subject() {
        return subject;
    }

    /** The plain words given among the options, in order (only for verbs that take operands). */
    List<String> operands() {
        return List.copyOf(operands);
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    String text(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    int positiveInt(String name, int fallback) throws UsageException {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a positive whole number, was '" + value + "'");
        }
    }

    double positiveDouble(String name, double fallback) throws UsageException {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(value);
            if (!(d > 0) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a positive number of seconds, was '" + value + "'");
        }
    }

    Path path(String name, Path fallback) {
        String value = options.get(name);
        return value == null ? fallback : Path.of(value).toAbsolutePath().normalize();
    }

    /** {@code --name k=v,k=v}: exporter options; an entry without {@code =} or with an empty key is refused. */
    Map<String, String> keyValues(String name) throws UsageException {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String entry : list(name)) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--" + name + " takes KEY=VALUE[,KEY=VALUE...], got '" + entry + "'");
            }
            out.put(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip());
        }
        return out;
    }

    List<String> list(String name) {
        String value = options.get(name);
        return value == null ? List.of() : Arrays.stream(value.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }
}
