package news.wire.deploy.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The repository the tests run in: its files read as text or YAML, and the versions its root pom pins. */
final class Checkout {

    private static final YAMLMapper YAML = new YAMLMapper();

    private final Path root;

    private Checkout(Path root) {
        this.root = root;
    }

    /** Found from the working directory (the deploy module or the repository root) upwards. */
    static Checkout find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("deploy/compose"))) {
                return new Checkout(dir);
            }
        }
        throw new IllegalStateException("repository root not found above " + Path.of("").toAbsolutePath());
    }

    Path root() {
        return root;
    }

    Path path(String relative) {
        return root.resolve(relative);
    }

    String text(String relative) {
        try {
            return Files.readString(path(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode yaml(String relative) {
        try {
            return YAML.readTree(path(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(relative + " is not readable YAML", e);
        }
    }

    /** Every document of a multi-document YAML file, in order (empty documents left out). */
    List<JsonNode> yamlDocuments(Path file) {
        try {
            return YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile()).readAll().stream()
                    .filter(doc -> doc != null && !doc.isNull() && !doc.isMissingNode() && !doc.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is not readable YAML", e);
        }
    }

    List<JsonNode> yamlDocuments(String text) {
        try {
            return YAML.readerFor(JsonNode.class).<JsonNode>readValues(text).readAll().stream()
                    .filter(doc -> doc != null && !doc.isNull() && !doc.isMissingNode() && !doc.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("not readable YAML", e);
        }
    }

    /** A property of the root pom ({@code <name>value</name>} under properties), e.g. the Kafka version. */
    String pomProperty(String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">")
                .matcher(text("pom.xml"));
        if (!m.find()) {
            throw new IllegalStateException("no property " + name + " in the root pom.xml");
        }
        return m.group(1).trim();
    }
}
