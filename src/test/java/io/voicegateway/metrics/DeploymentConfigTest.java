package io.voicegateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml, config/prometheus.yml and Grafana's provisioning parse as YAML and wire together: Prometheus
 * scrapes the gateway's /metrics on its compose name and port, Grafana reads that Prometheus and the dashboard
 * folder that compose mounts, every service has a healthcheck and keeps its data in a declared named volume.
 * (No Docker daemon here: this is the check we can run.)
 */
class DeploymentConfigTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String path) throws Exception {
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            return new Yaml().load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    private static Map<String, Object> service(String name) throws Exception {
        return map(map(yaml("docker-compose.yml").get("services")).get(name));
    }

    @Test
    void prometheusScrapesTheGatewayMetricsEveryFiveSeconds() throws Exception {
        List<Object> jobs = list(yaml("config/prometheus.yml").get("scrape_configs"));
        Map<String, Object> job = map(jobs.get(0));

        assertThat(jobs).hasSize(1);
        assertThat(job.get("metrics_path")).isEqualTo("/metrics");
        assertThat(job.get("scrape_interval")).isEqualTo("5s");
        assertThat(list(map(list(job.get("static_configs")).get(0)).get("targets"))).containsExactly("gateway:7860");
    }

    @Test
    void composeRunsGatewayPrometheusAndGrafanaOnTheirPortsWithHealthchecks() throws Exception {
        Map<String, Object> services = map(yaml("docker-compose.yml").get("services"));

        assertThat(services).containsOnlyKeys("gateway", "prometheus", "grafana");
        assertThat(list(service("gateway").get("ports"))).containsExactly("7860:7860");
        assertThat(list(service("prometheus").get("ports"))).containsExactly("9090:9090");
        assertThat(list(service("grafana").get("ports"))).containsExactly("3000:3000");
        for (String name : services.keySet()) {
            assertThat(map(service(name).get("healthcheck")).get("test")).as(name).asString().contains("http://localhost:");
        }
        assertThat(map(service("gateway").get("healthcheck")).get("test").toString()).contains("curl", "/health");
        assertThat(map(service("grafana").get("healthcheck")).get("test").toString()).contains("/api/health");
    }

    @Test
    void theGatewayIsBuiltHereAndRunsInLocalModeOnPort7860() throws Exception {
        Map<String, Object> gateway = service("gateway");
        Map<String, Object> env = map(gateway.get("environment"));

        assertThat(gateway.get("build")).isEqualTo(".");
        assertThat(Files.exists(Path.of("Dockerfile"))).isTrue();
        assertThat(env.get("GATEWAY_MODE").toString()).contains("local");
        assertThat(env.get("PORT")).isEqualTo("7860");
    }

    @Test
    void everyServiceKeepsItsDataInADeclaredNamedVolume() throws Exception {
        Map<String, Object> declared = map(yaml("docker-compose.yml").get("volumes"));

        assertThat(list(service("gateway").get("volumes"))).contains("gateway-logs:/app/logs");
        assertThat(list(service("prometheus").get("volumes"))).contains("prometheus-data:/prometheus",
                "./config/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
        assertThat(list(service("grafana").get("volumes"))).contains("grafana-data:/var/lib/grafana");
        assertThat(declared).containsOnlyKeys("gateway-logs", "prometheus-data", "grafana-data");
        for (String name : List.of("gateway", "prometheus", "grafana")) {
            for (Object volume : list(service(name).get("volumes"))) {
                String source = volume.toString().split(":")[0];
                if (!source.startsWith(".")) {
                    assertThat(declared).as("%s mounts %s", name, source).containsKey(source);
                } else {
                    assertThat(Files.exists(Path.of(source))).as("%s mounts %s", name, source).isTrue();
                }
            }
        }
    }

    @Test
    void grafanaReadsTheComposePrometheusAndTheMountedDashboards() throws Exception {
        Map<String, Object> datasource = map(list(yaml("config/grafana/provisioning/datasources/prometheus.yml")
                .get("datasources")).get(0));
        Map<String, Object> provider = map(list(yaml("config/grafana/provisioning/dashboards/dashboards.yml")
                .get("providers")).get(0));
        String dashboardsPath = map(provider.get("options")).get("path").toString();

        assertThat(datasource.get("url")).isEqualTo("http://prometheus:9090");
        assertThat(datasource.get("type")).isEqualTo("prometheus");
        assertThat(provider.get("type")).isEqualTo("file");
        assertThat(list(service("grafana").get("volumes")))
                .contains("./config/grafana/dashboards:" + dashboardsPath + ":ro",
                        "./config/grafana/provisioning:/etc/grafana/provisioning:ro");
        assertThat(map(service("grafana").get("depends_on"))).containsKey("prometheus");
    }
}
