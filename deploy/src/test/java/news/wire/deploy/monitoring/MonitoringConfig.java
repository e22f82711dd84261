package news.wire.deploy.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The files under deploy/monitoring, read as the monitoring stack would read them. */
public final class MonitoringConfig {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private final Path root;

    private MonitoringConfig(Path root) {
        this.root = root;
    }

    /** The checkout's deploy/monitoring, found from the working directory (a module or the repository root). */
    public static MonitoringConfig ofCheckout() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("deploy/monitoring");
            if (Files.isDirectory(candidate)) {
                return new MonitoringConfig(candidate);
            }
        }
        throw new IllegalStateException("deploy/monitoring not found above " + Path.of("").toAbsolutePath());
    }

    /** Every PromQL expression of the alert rules and dashboards, keyed by where it is (file and rule or panel). */
    public Map<String, String> expressions() {
        Map<String, String> expressions = new LinkedHashMap<>();
        for (JsonNode group : alertRules().path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                expressions.put("alerts.yml " + rule.path("alert").asText(rule.path("record").asText()),
                        rule.path("expr").asText());
            }
        }
        for (Path dashboard : dashboards()) {
            collectExpressions(read(JSON, dashboard), dashboard.getFileName() + " ", expressions);
        }
        return expressions;
    }

    /** The metric names those expressions read, with where each is used. */
    public Map<String, Set<String>> metricsUsed() {
        Map<String, Set<String>> used = new LinkedHashMap<>();
        expressions().forEach((where, expression) -> MetricNames.in(expression)
                .forEach(name -> used.computeIfAbsent(name, n -> new TreeSet<>()).add(where)));
        return used;
    }

    /** Where prometheus.yml, alerts.yml and the alerts' unit tests are. */
    public Path prometheusDirectory() {
        return root.resolve("prometheus");
    }

    public JsonNode alertRules() {
        return read(YAML, root.resolve("prometheus/alerts.yml"));
    }

    public JsonNode scrapeConfig() {
        return read(YAML, root.resolve("prometheus/prometheus.yml"));
    }

    public JsonNode datasources() {
        return read(YAML, root.resolve("grafana/provisioning/datasources/prometheus.yml"));
    }

    public List<JsonNode> dashboardDocuments() {
        return dashboards().stream().map(path -> read(JSON, path)).toList();
    }

    private List<Path> dashboards() {
        try (Stream<Path> files = Files.list(root.resolve("grafana/dashboards"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collectExpressions(JsonNode node, String where, Map<String, String> into) {
        if (node.isObject()) {
            String here = node.has("title") ? where + "/" + node.get("title").asText() : where;
            if (node.has("expr")) {
                into.put(here + " " + node.path("refId").asText(), node.get("expr").asText());
            }
            node.fields().forEachRemaining(field -> collectExpressions(field.getValue(), here, into));
        } else if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(items::add);
            items.forEach(item -> collectExpressions(item, where, into));
        }
    }

    private static JsonNode read(ObjectMapper mapper, Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable " + file, e);
        }
    }
}
