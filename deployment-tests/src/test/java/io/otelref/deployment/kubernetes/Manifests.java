package io.otelref.deployment.kubernetes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** Every resource in deploy/kubernetes, parsed into fabric8's typed model; kustomization.yaml is not a resource. */
record Manifests(List<HasMetadata> resources) {

    static final String KUSTOMIZATION = "kustomization.yaml";

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    static Path directory(Path deploy) {
        return deploy.resolve("kubernetes");
    }

    static List<Path> files(Path deploy) {
        try (Stream<Path> files = Files.list(directory(deploy))) {
            return files.filter(file -> file.toString().endsWith(".yaml"))
                    .filter(file -> !file.getFileName().toString().equals(KUSTOMIZATION)).sorted().toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    static Manifests read(Path deploy) {
        List<HasMetadata> resources = new ArrayList<>();
        for (Path file : files(deploy)) {
            resources.addAll(parse(file));
        }
        return new Manifests(resources);
    }

    /** A file of several documents parses to a list, a single document to one resource. */
    static List<HasMetadata> parse(Path file) {
        try (InputStream yaml = Files.newInputStream(file)) {
            Object parsed = SERIALIZATION.unmarshal(yaml);
            if (parsed instanceof Collection<?> documents) {
                return documents.stream().map(HasMetadata.class::cast).toList();
            }
            return List.of((HasMetadata) parsed);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(file.toString(), unreadable);
        }
    }

    List<Deployment> deployments() {
        return ofKind(Deployment.class);
    }

    List<Service> services() {
        return ofKind(Service.class);
    }

    List<ConfigMap> configMaps() {
        return ofKind(ConfigMap.class);
    }

    private <T extends HasMetadata> List<T> ofKind(Class<T> kind) {
        return resources.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
