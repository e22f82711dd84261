package news.wire.deploy.manifests;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The settings one service reads, gathered from its sources the way Quarkus would find them: the keys of its
 * application.properties, the names its {@code @ConfigMapping} interfaces declare (prefix plus kebab-cased method
 * names, nested interfaces adding a level) and {@code @ConfigProperty} names. Deployment files may set a setting
 * through an environment variable only if its name is one of these, converted as MicroProfile Config converts.
 */
final class ServiceSettings {

    /**
     * Settings of Quarkus extensions the deployment files set although application.properties leaves them at their
     * defaults. Each is checked against the extension's own configuration model when that jar is in the local
     * Maven repository (ServiceSettingsTest).
     */
    static final Map<String, Map<String, Set<String>>> EXTENSION_SETTINGS = Map.of(
            "query-service", Map.of("quarkus-elasticsearch-rest-client",
                    Set.of("quarkus.elasticsearch.protocol", "quarkus.elasticsearch.username",
                            "quarkus.elasticsearch.password")));

    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\s*\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\s*\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)[^{]*\\{");
    /** A type may nest one generic in another, as Optional<List<String>> does. */
    private static final Pattern METHOD =
            Pattern.compile("([\\w.]+(?:<(?:[^<>]|<[^<>]*>)*>)?)\\s+(\\w+)\\s*\\(\\s*\\)\\s*;");

    private final String module;
    private final Properties defaults = new Properties();
    private final Set<String> names = new TreeSet<>();

    private ServiceSettings(String module) {
        this.module = module;
    }

    /** The settings of {@code module} (ingest-service, enrich-service or query-service) in the checkout. */
    static ServiceSettings of(Checkout checkout, String module) {
        ServiceSettings settings = new ServiceSettings(module);
        Properties all = new Properties();
        try {
            all.load(new StringReader(checkout.text(module + "/src/main/resources/application.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String key : all.stringPropertyNames()) {
            if (key.startsWith("%")) {
                settings.names.add(key.substring(key.indexOf('.') + 1));
            } else {
                settings.names.add(key);
                settings.defaults.setProperty(key, all.getProperty(key));
            }
        }
        try (Stream<Path> sources = Files.walk(checkout.path(module + "/src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(source);
                Matcher property = CONFIG_PROPERTY.matcher(text);
                while (property.find()) {
                    settings.names.add(property.group(1));
                }
                Matcher mapping = MAPPING.matcher(text);
                if (mapping.find()) {
                    settings.names.addAll(mappedNames(mapping.group(1), text));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EXTENSION_SETTINGS.getOrDefault(module, Map.of()).values().forEach(settings.names::addAll);
        return settings;
    }

    String module() {
        return module;
    }

    /** The value application.properties gives {@code key} outside any profile. */
    Optional<String> property(String key) {
        return Optional.ofNullable(defaults.getProperty(key));
    }

    int httpPort() {
        return Integer.parseInt(property("quarkus.http.port").orElseThrow());
    }

    Set<String> names() {
        return names;
    }

    /** Whether the service reads a setting that this environment variable sets. */
    boolean reads(String environmentVariable) {
        return names.stream().anyMatch(name -> environmentName(name).equals(environmentVariable));
    }

    /** A size as Quarkus reads a MemorySize setting: bytes, or a number with K, M, G or T (powers of 1024). */
    static long memoryBytes(String size) {
        Matcher m = Pattern.compile("(\\d+)([KkMmGgTt]?)").matcher(size.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a memory size: " + size);
        }
        int shift = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            case "T" -> 40;
            default -> 0;
        };
        return Long.parseLong(m.group(1)) << shift;
    }

    /** MicroProfile Config's environment form of a property name: non-alphanumerics to '_', upper case. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** The property names one {@code @ConfigMapping} source file declares. */
    static Set<String> mappedNames(String prefix, String source) {
        String code = withoutCommentsAndStrings(source);
        Map<String, Map<String, String>> interfaces = new LinkedHashMap<>();
        Matcher m = INTERFACE.matcher(code);
        String root = null;
        while (m.find()) {
            int open = m.end() - 1;
            String body = code.substring(open + 1, closing(code, open));
            interfaces.put(m.group(1), members(body));
            if (root == null) {
                root = m.group(1);
            }
        }
        Set<String> names = new TreeSet<>();
        if (root != null) {
            collect(prefix, root, interfaces, names, new ArrayList<>());
        }
        return names;
    }

    private static void collect(String prefix, String type, Map<String, Map<String, String>> interfaces,
                                Set<String> names, List<String> path) {
        if (path.contains(type)) {
            return;
        }
        path.add(type);
        interfaces.get(type).forEach((method, returned) -> {
            String name = prefix + "." + kebab(method);
            if (interfaces.containsKey(returned)) {
                collect(name, returned, interfaces, names, path);
            } else {
                names.add(name);
            }
        });
        path.remove(type);
    }

    /** Methods declared directly in an interface body (nested interfaces' bodies left out), with return types. */
    private static Map<String, String> members(String body) {
        StringBuilder direct = new StringBuilder();
        int depth = 0;
        for (char c : body.toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (depth == 0) {
                direct.append(c);
            }
        }
        Map<String, String> methods = new LinkedHashMap<>();
        Matcher m = METHOD.matcher(direct);
        while (m.find()) {
            String type = m.group(1).replaceAll("<.*", "");
            methods.put(m.group(2), type.substring(type.lastIndexOf('.') + 1));
        }
        return methods;
    }

    private static int closing(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            if (code.charAt(i) == '{') {
                depth++;
            } else if (code.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced braces");
    }

    /**
     * Javadoc holds braces ({@code ...}) that would throw the brace counting off, and strings may hold "//" (URLs),
     * so comments and literals are dropped in one pass that knows which of them it is in.
     */
    static String withoutCommentsAndStrings(String source) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
                code.append(' ');
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < source.length() && source.charAt(j) != c) {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                code.append(c).append(c);
                i = j + 1;
            } else {
                code.append(c);
                i++;
            }
        }
        return code.toString();
    }

    /** SmallRye Config's default naming of a mapping method: maxArticleSize is max-article-size. */
    private static String kebab(String method) {
        return method.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
