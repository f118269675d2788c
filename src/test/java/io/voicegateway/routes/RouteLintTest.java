package io.voicegateway.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

/** Every file in routes/ parses as Camel YAML DSL and every route in it has an explicit id. */
class RouteLintTest {

    private static List<Path> routeFiles() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            return files.filter(p -> p.toString().endsWith(".camel.yaml")).sorted().toList();
        }
    }

    @Test
    void theRouteFilesOfTheDesignArePresent() throws Exception {
        assertThat(routeFiles()).extracting(p -> p.getFileName().toString())
                .contains("call-api.camel.yaml", "twilio-webhooks.camel.yaml", "error-handling.camel.yaml");
    }

    @Test
    void everyRouteFileParsesAndEveryRouteHasAnExplicitId() throws Exception {
        int checked = 0;
        for (Path file : routeFiles()) {
            try (DefaultCamelContext context = new DefaultCamelContext()) {
                PluginHelper.getRoutesLoader(context)
                        .loadRoutes(ResourceHelper.resolveResource(context, "file:" + file));
                // Routes the REST verbs generate appear only at start; their routeId is checked below.
                List<RouteDefinition> routes = context.getRouteDefinitions();
                for (RouteDefinition route : routes) {
                    checked++;
                    assertThat(route.hasCustomIdAssigned()).as("route in %s from %s has an id", file,
                            route.getInput().getEndpointUri()).isTrue();
                }
                context.getRestDefinitions().forEach(rest -> rest.getVerbs().forEach(verb ->
                        assertThat(verb.getRouteId()).as("rest verb %s %s in %s has a routeId", verb.asVerb(),
                                verb.getPath(), file).isNotBlank()));
            }
        }
        assertThat(checked).as("routes found in routes/").isGreaterThanOrEqualTo(8);
    }
}
