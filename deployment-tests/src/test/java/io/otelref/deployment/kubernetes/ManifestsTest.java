package io.otelref.deployment.kubernetes;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.otelref.deployment.DeployDirectory;

/** The Kubernetes manifests, parsed into the typed model, run each service the way it needs to be run. */
class ManifestsTest {

    private static final Path DEPLOY = DeployDirectory.locate();
    private static final Manifests MANIFESTS = Manifests.read(DEPLOY);

    /** Per service, the variables its application.properties reads for what differs between deployments. */
    private static final Map<String, Set<String>> CONNECTION_SETTINGS = Map.of(
            "checkout-service", Set.of("CHECKOUT_DB_URL", "CHECKOUT_DB_USER", "CHECKOUT_DB_PASSWORD", "BILLING_URL",
                    "KAFKA_BOOTSTRAP_SERVERS"),
            "billing-service", Set.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                    "QUARKUS_DATASOURCE_PASSWORD"),
            "invoice-worker", Set.of("BILLING_URL", "KAFKA_BOOTSTRAP_SERVERS"));

    @Test
    void thereIsADeploymentForEachService() {
        assertEquals(CONNECTION_SETTINGS.keySet(), MANIFESTS.deployments().stream()
                .map(deployment -> deployment.getMetadata().getName()).collect(Collectors.toSet()));
    }

    @Test
    void everyFieldIsOneTheModelKnows() {
        assertAll(MANIFESTS.resources().stream().map(resource -> () -> assertEquals(List.of(),
                UnknownFields.in(resource), resource.getKind() + " " + resource.getMetadata().getName())));
    }

    @Test
    void theKustomizationListsEveryManifest() throws IOException {
        JsonNode kustomization = new ObjectMapper(new YAMLFactory())
                .readTree(Manifests.directory(DEPLOY).resolve(Manifests.KUSTOMIZATION).toFile());
        Set<String> listed = new HashSet<>();
        kustomization.path("resources").forEach(resource -> listed.add(resource.asText()));
        assertEquals(Manifests.files(DEPLOY).stream().map(file -> file.getFileName().toString())
                .collect(Collectors.toSet()), listed);
    }

    @TestFactory
    Stream<DynamicContainer> eachDeployment() {
        return MANIFESTS.deployments().stream().map(deployment -> DynamicContainer.dynamicContainer(
                deployment.getMetadata().getName(), Stream.of(
                        DynamicTest.dynamicTest("runs one container of its own image",
                                () -> runsItsImage(deployment)),
                        DynamicTest.dynamicTest("selects its own pods", () -> selectsItsPods(deployment)),
                        DynamicTest.dynamicTest("probes started, ready and live on the HTTP port",
                                () -> probesHealth(deployment)),
                        DynamicTest.dynamicTest("gives a graceful stop the time it takes before SIGKILL",
                                () -> allowsAGracefulStop(deployment)),
                        DynamicTest.dynamicTest("requests CPU and memory and limits memory",
                                () -> setsResources(deployment)),
                        DynamicTest.dynamicTest("runs as a non-root user", () -> runsAsNonRoot(deployment)),
                        DynamicTest.dynamicTest("exports OTLP to the collector Service",
                                () -> exportsToTheCollector(deployment)),
                        DynamicTest.dynamicTest("gets every connection setting it reads",
                                () -> getsItsConnectionSettings(deployment)),
                        DynamicTest.dynamicTest("is reachable through a Service on its container port",
                                () -> hasAService(deployment)))));
    }

    @Test
    void everyHttpAddressInTheEnvironmentNamesAServiceAndItsPort() {
        assertAll(MANIFESTS.deployments().stream().flatMap(deployment -> environment(deployment).entrySet().stream()
                .filter(variable -> variable.getValue() != null && variable.getValue().startsWith("http://"))
                .map(variable -> () -> {
                    URI address = URI.create(variable.getValue());
                    if (address.getHost().equals("otel-collector")) {
                        return; // Created by the OpenTelemetry Operator, not by these manifests.
                    }
                    Service target = MANIFESTS.services().stream()
                            .filter(service -> service.getMetadata().getName().equals(address.getHost()))
                            .findFirst().orElseThrow(() -> new AssertionError(deployment.getMetadata().getName()
                                    + " " + variable.getKey() + " names " + address.getHost() + ", which is no Service here"));
                    assertTrue(target.getSpec().getPorts().stream().anyMatch(port -> port.getPort() == address.getPort()),
                            variable.getKey() + "=" + address + " but " + address.getHost() + " listens on "
                                    + target.getSpec().getPorts());
                })));
    }

    private static void runsItsImage(Deployment deployment) {
        String name = deployment.getMetadata().getName();
        List<Container> containers = pod(deployment).getContainers();
        assertEquals(1, containers.size(), name + " containers");
        assertTrue(containers.get(0).getImage().startsWith("otel-reference/" + name + ":"),
                name + " runs " + containers.get(0).getImage());
    }

    private static void selectsItsPods(Deployment deployment) {
        Map<String, String> selector = deployment.getSpec().getSelector().getMatchLabels();
        assertFalse(selector.isEmpty(), "empty selector");
        assertTrue(deployment.getSpec().getTemplate().getMetadata().getLabels().entrySet().containsAll(selector.entrySet()),
                "the pod template's labels " + deployment.getSpec().getTemplate().getMetadata().getLabels()
                        + " do not carry the selector " + selector);
    }

    /** HTTP drain 10 s + Kafka and background drain 10 s + the Kafka clients' last commits: 30 s at least. */
    private static void allowsAGracefulStop(Deployment deployment) {
        Long grace = deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
        assertNotNull(grace, "terminationGracePeriodSeconds (the default 30 s leaves no margin)");
        assertTrue(grace >= 30, "terminationGracePeriodSeconds " + grace + " < 30");
    }

    private static void probesHealth(Deployment deployment) {
        Container container = container(deployment);
        assertAll(
                () -> assertProbe(container, "startup", container.getStartupProbe(), "/q/health/started"),
                () -> assertProbe(container, "readiness", container.getReadinessProbe(), "/q/health/ready"),
                () -> assertProbe(container, "liveness", container.getLivenessProbe(), "/q/health/live"));
    }

    private static void assertProbe(Container container, String kind, Probe probe, String path) {
        assertNotNull(probe, kind + " probe");
        HTTPGetAction get = probe.getHttpGet();
        assertNotNull(get, kind + " probe is not an HTTP GET");
        assertEquals(path, get.getPath(), kind + " probe path");
        assertEquals(httpPort(container), containerPort(container, get.getPort()), kind + " probe port");
    }

    private static void setsResources(Deployment deployment) {
        ResourceRequirements resources = container(deployment).getResources();
        assertNotNull(resources, "resources");
        Quantity requestedMemory = resources.getRequests().get("memory");
        Quantity memoryLimit = resources.getLimits().get("memory");
        assertNotNull(resources.getRequests().get("cpu"), "CPU request");
        assertNotNull(requestedMemory, "memory request");
        assertNotNull(memoryLimit, "memory limit");
        assertTrue(requestedMemory.getNumericalAmount().compareTo(memoryLimit.getNumericalAmount()) <= 0,
                "memory request " + requestedMemory + " above the limit " + memoryLimit);
    }

    private static void runsAsNonRoot(Deployment deployment) {
        PodSpec pod = pod(deployment);
        assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), "runAsNonRoot");
        Long user = pod.getSecurityContext().getRunAsUser();
        assertTrue(user == null || user > 0, "runAsUser " + user);
        assertEquals(Boolean.FALSE, container(deployment).getSecurityContext().getAllowPrivilegeEscalation(),
                "allowPrivilegeEscalation");
    }

    private static void exportsToTheCollector(Deployment deployment) {
        assertEquals("http://otel-collector:4318", environment(deployment).get("OTEL_EXPORTER_OTLP_ENDPOINT"));
    }

    private static void getsItsConnectionSettings(Deployment deployment) {
        Set<String> needed = CONNECTION_SETTINGS.get(deployment.getMetadata().getName());
        Set<String> missing = needed.stream().filter(name -> !environment(deployment).containsKey(name))
                .collect(Collectors.toSet());
        assertEquals(Set.of(), missing, "variables the service reads but its pod does not get");
    }

    private static void hasAService(Deployment deployment) {
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        Service service = MANIFESTS.services().stream()
                .filter(candidate -> candidate.getMetadata().getName().equals(deployment.getMetadata().getName()))
                .findFirst().orElseThrow(() -> new AssertionError("no Service named " + deployment.getMetadata().getName()));
        Map<String, String> selector = service.getSpec().getSelector();
        assertFalse(selector == null || selector.isEmpty(), "the Service selects no pods");
        assertTrue(podLabels.entrySet().containsAll(selector.entrySet()),
                "Service selector " + selector + " does not match the pod labels " + podLabels);
        Container container = container(deployment);
        for (ServicePort port : service.getSpec().getPorts()) {
            IntOrString target = port.getTargetPort() != null ? port.getTargetPort() : new IntOrString(port.getPort());
            assertEquals(httpPort(container), containerPort(container, target), "Service port " + port.getName());
        }
    }

    /**
     * The container's environment as the kubelet builds it: envFrom ConfigMaps first, then env, which wins.
     * A value from a Secret is there by name with a null value, since only the cluster knows it.
     */
    private static Map<String, String> environment(Deployment deployment) {
        Container container = container(deployment);
        Map<String, String> environment = new HashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            String name = source.getConfigMapRef().getName();
            ConfigMap configMap = MANIFESTS.configMaps().stream()
                    .filter(candidate -> candidate.getMetadata().getName().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError(deployment.getMetadata().getName()
                            + " reads ConfigMap " + name + ", which is not in deploy/kubernetes"));
            environment.putAll(configMap.getData());
        }
        for (EnvVar variable : container.getEnv()) {
            environment.put(variable.getName(), variable.getValue());
        }
        return environment;
    }

    private static PodSpec pod(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec();
    }

    private static Container container(Deployment deployment) {
        return pod(deployment).getContainers().get(0);
    }

    /** The port named http, which the service listens on. */
    private static int httpPort(Container container) {
        return container.getPorts().stream().filter(port -> "http".equals(port.getName()))
                .map(ContainerPort::getContainerPort).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no port named http"));
    }

    /** A port given by name or number, as the container port it means. */
    private static int containerPort(Container container, IntOrString port) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream().filter(candidate -> port.getStrVal().equals(candidate.getName()))
                .map(ContainerPort::getContainerPort).findFirst()
                .orElseThrow(() -> new AssertionError("no container port named " + port.getStrVal()));
    }
}
