package news.wire.deploy.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The monitoring files hang together: rules are complete, jobs exist, dashboards use the provisioned source. */
class MonitoringConfigTest {

    private final MonitoringConfig config = MonitoringConfig.ofCheckout();

    private record Run(int exitCode, String output) {
    }

    private Run promtool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("promtool");
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(config.prometheusDirectory().toFile())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Run(-1, e.getMessage());
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "promtool still running after 60 s");
        return new Run(process.exitValue(), output);
    }

    @Test
    void everyAlertHasAnExpressionADelayASeverityAndASummary() {
        int alerts = 0;
        for (JsonNode group : config.alertRules().path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String name = rule.path("alert").asText();
                assertFalse(rule.path("expr").asText().isBlank(), name);
                assertTrue(rule.path("for").asText().matches("\\d+[smh]"), name);
                assertTrue(Set.of("warning", "critical").contains(rule.path("labels").path("severity").asText()), name);
                assertFalse(rule.path("annotations").path("summary").asText().isBlank(), name);
                alerts++;
            }
        }
        // Lag, dead letters, outbox backlog, freshness and a service down are what operators asked to be woken for.
        assertTrue(alerts >= 5, "only " + alerts + " alerts");
    }

    @Test
    void jobsNamedByRulesAndPanelsAreScraped() {
        Set<String> jobs = new HashSet<>();
        config.scrapeConfig().path("scrape_configs").forEach(job -> {
            jobs.add(job.path("job_name").asText());
            assertEquals("/q/metrics", job.path("metrics_path").asText(), job.toString());
        });
        assertEquals(Set.of("ingest-service", "enrich-service", "query-service"), jobs);
        Pattern named = Pattern.compile("job=~?\"([^\"]+)\"");
        config.expressions().forEach((where, expression) -> {
            Matcher m = named.matcher(expression);
            while (m.find()) {
                for (String job : m.group(1).split("\\|")) {
                    assertTrue(jobs.contains(job), where + " names unscraped job " + job);
                }
            }
        });
    }

    /** Prometheus' own tool parses the configuration and rules and runs the alerts' unit tests (alerts_test.yml). */
    @Test
    void promtoolAcceptsTheConfigurationAndTheAlertsPassTheirUnitTests() throws Exception {
        assertTrue(promtool("--version").exitCode() == 0,
                "promtool not found: install Debian's prometheus package (apt-get install prometheus)");
        for (String[] check : List.of(new String[] {"check", "config", "prometheus.yml"},
                new String[] {"check", "rules", "alerts.yml"}, new String[] {"test", "rules", "alerts_test.yml"})) {
            Run run = promtool(check);
            assertEquals(0, run.exitCode(), () -> "promtool " + String.join(" ", check) + ":\n" + run.output());
        }
    }

    @Test
    void dashboardsQueryTheProvisionedDataSource() {
        String uid = config.datasources().path("datasources").get(0).path("uid").asText();
        assertFalse(config.dashboardDocuments().isEmpty());
        for (JsonNode dashboard : config.dashboardDocuments()) {
            for (JsonNode panel : dashboard.path("panels")) {
                if (!panel.path("type").asText().equals("row")) {
                    assertEquals(uid, panel.path("datasource").path("uid").asText(), panel.path("title").asText());
                    assertTrue(panel.path("targets").size() > 0, panel.path("title").asText());
                }
            }
        }
    }
}
