#!/usr/bin/env python3
"""Cross-checks the compose stack against the rest of the repository: the things `docker compose
config` accepts but that would still break or mislead at `docker compose up`.

    check-wiring.py RESOLVED_COMPOSE_JSON

RESOLVED_COMPOSE_JSON is the output of `docker-compose config --format json` (the file as Compose
itself loaded it: anchors merged, variables interpolated, sizes in bytes). Paths are relative to the
repository root, which is the working directory. Prints one line per check; exits 1 if any fails.
deploy/validate.sh runs it.
"""

import json
import re
import sys
from pathlib import Path

import yaml

COMPOSE_FILE = Path("docker-compose.yml")
COMPOSE_DOC = Path("docs/operations/compose.md")
COLLECTOR_MANIFEST = Path("deploy/otel-collector/builder-config.yaml")
COLLECTOR_CONFIG = Path("deploy/otel-collector/config.yaml")
COLLECTOR_TAIL_SAMPLING = Path("deploy/otel-collector/tail-sampling.yaml")
JAEGER_CONFIG = Path("deploy/compose/jaeger.yaml")
COLLECTOR_SERVICE = "otel-collector"
PROMETHEUS_CONFIG = Path("deploy/prometheus/prometheus.compose.yml")
PLATFORM_MODULE = Path("service-platform")
SHARED_CONFIG = PLATFORM_MODULE / "src/main/resources/META-INF/microprofile-config.properties"
LOAD_GENERATOR_PARSER = Path("load-generator/src/main/java/io/otelref/loadgen/config/LoadOptionsParser.java")
SCENARIO_STACK = Path("scenarios/src/main/java/io/otelref/scenarios/stack/StackEndpoints.java")

# Only the UIs and the checkout API reach the host, and only its loopback interface.
ALLOWED_PUBLISHED_PORTS = {8080, 3000, 9090, 9428, 16686}
PUBLISHED_HOST_IP = "127.0.0.1"
# 3 GiB for the services, traces and metrics, and 128 MiB for the log store (docs/operations/compose.md).
MEMORY_BUDGET_BYTES = 3 * 1024**3 + 128 * 1024**2
MIB = 1024**2
# Read by the JVM itself, not by the application's configuration.
JVM_ENVIRONMENT = {"JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS"}
STATED_SUM = re.compile(r"[Mm]emory limits add up to (\d+) MiB")
# A service's graceful stop: HTTP drain (10 s) + Kafka and background drain (10 s) + the last commits.
GRACEFUL_STOP_SECONDS = 30


class Report:
    def __init__(self):
        self.failures = 0

    def check(self, ok, what, detail=""):
        print(f"  {'ok  ' if ok else 'FAIL'} {what}{': ' + detail if detail and not ok else ''}")
        if not ok:
            self.failures += 1


def env_name(property_name):
    """The environment variable MicroProfile Config maps onto a property name."""
    return re.sub(r"[^A-Za-z0-9]", "_", property_name).upper()


def properties(path):
    """Key -> value of a .properties file, profile prefixes (%test.) removed."""
    entries = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith(("#", "!")) or "=" not in line:
            continue
        key, value = line.split("=", 1)
        entries[re.sub(r"^%[\w-]+\.", "", key.strip())] = value.strip()
    return entries


def configuration_names(module):
    """Environment variables a Quarkus module reads: ${VAR} placeholders, and every property of its
    configuration files or @ConfigProperty injection points in env form."""
    names = set()
    files = [module / "src/main/resources/application.properties", SHARED_CONFIG]
    for path in files:
        if path.exists():
            text = path.read_text()
            names.update(re.findall(r"\$\{([A-Z][A-Z0-9_]*)[:}]", text))
            names.update(env_name(key) for key in properties(path))
    for source_root in (module / "src/main/java", PLATFORM_MODULE / "src/main/java"):
        for java in source_root.rglob("*.java"):
            names.update(env_name(name) for name in re.findall(r'@ConfigProperty\(name\s*=\s*"([^"]+)"', java.read_text()))
    return names


def module_of(service):
    """The Maven module a compose service is built from: the shared Quarkus Dockerfile names it in its
    SERVICE build argument, another Dockerfile lives in its module."""
    build = service.get("build")
    if not build:
        return None
    if (build.get("args") or {}).get("SERVICE"):
        return Path(build["args"]["SERVICE"])
    dockerfile = Path(build["dockerfile"])
    if dockerfile.is_absolute():
        dockerfile = dockerfile.relative_to(Path(build["context"]))
    return dockerfile.parent


def check_published_ports(report, services):
    for name, service in sorted(services.items()):
        for port in service.get("ports", []):
            published = int(port.get("published", 0) or 0)
            report.check(published in ALLOWED_PUBLISHED_PORTS, f"{name}: publishes {published}",
                         f"only {sorted(ALLOWED_PUBLISHED_PORTS)} may be published")
            report.check(port.get("host_ip") == PUBLISHED_HOST_IP, f"{name}: port {published} bound to {PUBLISHED_HOST_IP}",
                         f"bound to {port.get('host_ip') or 'every interface'}")


def check_memory(report, services):
    total = 0
    for name, service in sorted(services.items()):
        limit = service.get("deploy", {}).get("resources", {}).get("limits", {}).get("memory")
        report.check(limit is not None, f"{name}: has a memory limit")
        total += int(limit or 0)
    report.check(total <= MEMORY_BUDGET_BYTES, f"memory limits add up to {total // MIB} MiB <= {MEMORY_BUDGET_BYTES // MIB} MiB")
    for document in (COMPOSE_FILE, COMPOSE_DOC):
        stated = STATED_SUM.findall(document.read_text()) if document.exists() else []
        report.check(stated == [str(total // MIB)] * len(stated) and stated,
                     f"{document} states the sum ({total // MIB} MiB)", f"it states {stated or 'nothing'}")


def check_images(report, services):
    for name, service in sorted(services.items()):
        image = service.get("image", "")
        if service.get("build"):
            continue
        tag = image.rsplit(":", 1)[1] if ":" in image.split("/")[-1] else ""
        report.check(bool(re.search(r"\d", tag)) and tag != "latest", f"{name}: image {image} is pinned")
    for dockerfile in sorted([*Path(".").glob("*/Dockerfile"), *Path("deploy/docker").glob("*.Dockerfile")]):
        for base in re.findall(r"^FROM\s+(\S+)", dockerfile.read_text(), re.MULTILINE):
            tag = base.rsplit(":", 1)[1] if ":" in base else ""
            report.check(bool(re.search(r"\d", tag)), f"{dockerfile}: FROM {base} is pinned")


def check_collector_version(report, services):
    image = services[COLLECTOR_SERVICE]["image"]
    tag = image.rsplit(":", 1)[1]
    manifest = yaml.safe_load(COLLECTOR_MANIFEST.read_text())
    report.check(manifest["dist"]["version"] == tag,
                 f"{COLLECTOR_MANIFEST} builds the collector version the image runs ({tag})",
                 f"it builds {manifest['dist']['version']}")
    for kind in ("receivers", "processors", "connectors", "exporters", "extensions"):
        for component in manifest.get(kind, []):
            module, version = component["gomod"].split()
            report.check(version == f"v{tag}", f"{module.rsplit('/', 1)[1]} {version} is at the image's version")


def port_of(endpoint):
    return endpoint.rstrip("/").rsplit(":", 1)[1]


def as_compose_runs_it(text):
    """The collector config with each ${env:NAME:-default} at its default: compose sets none of these variables."""
    return re.sub(r"\$\{env:[A-Z_]+:-([^}]*)\}", r"\1", text)


def check_collector_endpoints(report, services):
    """Every hop of the telemetry path names a port that the next hop really listens on."""
    collector = yaml.safe_load(as_compose_runs_it(COLLECTOR_CONFIG.read_text()))
    environment = services[COLLECTOR_SERVICE].get("environment") or {}
    overridden = sorted(set(re.findall(r"\$\{env:([A-Z_]+)", COLLECTOR_CONFIG.read_text())) & set(environment))
    report.check(not overridden, f"{COLLECTOR_SERVICE}: runs {COLLECTOR_CONFIG.name} with its compose defaults",
                 f"it sets {overridden}")
    command = services[COLLECTOR_SERVICE].get("command") or []
    mounted = {Path(volume["source"]).name: volume["target"] for volume in services[COLLECTOR_SERVICE].get("volumes", [])}
    for config in (COLLECTOR_CONFIG, COLLECTOR_TAIL_SAMPLING):
        target = mounted.get(config.name)
        report.check(target is not None and f"--config={target}" in command,
                     f"{COLLECTOR_SERVICE}: mounts {config} and runs with it", f"command {command}, volumes {mounted}")
    otlp = collector["receivers"]["otlp"]["protocols"]
    grpc, http = port_of(otlp["grpc"]["endpoint"]), port_of(otlp["http"]["endpoint"])
    expected = f"http://{COLLECTOR_SERVICE}:{http}"
    for name, service in sorted(services.items()):
        endpoint = service.get("environment", {}).get("OTEL_EXPORTER_OTLP_ENDPOINT")
        if endpoint is not None:
            report.check(endpoint == expected, f"{name}: sends OTLP/HTTP to {expected}", f"it sends to {endpoint}")
    command = services["load-generator"].get("command", [])
    otlp_argument = command[command.index("--otlp") + 1] if "--otlp" in command else None
    report.check(otlp_argument == f"http://{COLLECTOR_SERVICE}:{http}",
                 f"load-generator: sends OTLP/HTTP to http://{COLLECTOR_SERVICE}:{http}", f"it sends to {otlp_argument}")

    jaeger_exporters = [e for e in collector["exporters"] if e.startswith("otlp_grpc/jaeger")]
    jaeger_grpc = port_of(yaml.safe_load(JAEGER_CONFIG.read_text())["receivers"]["otlp"]["protocols"]["grpc"]["endpoint"])
    for exporter in jaeger_exporters:
        endpoint = collector["exporters"][exporter]["endpoint"]
        report.check(endpoint == f"jaeger:{jaeger_grpc}" and "jaeger" in services,
                     f"{COLLECTOR_CONFIG.name}: {exporter} sends to Jaeger's OTLP/gRPC receiver (jaeger:{jaeger_grpc})", endpoint)

    served = {port_of(collector["exporters"]["prometheus"]["endpoint"]),
              str(collector["service"]["telemetry"]["metrics"]["readers"][0]["pull"]["exporter"]["prometheus"]["port"])}
    scraped = {target.rsplit(":", 1)[1]
               for job in yaml.safe_load(PROMETHEUS_CONFIG.read_text())["scrape_configs"]
               for static in job.get("static_configs", []) for target in static["targets"]
               if target.startswith(f"{COLLECTOR_SERVICE}:")}
    report.check(scraped == served, f"{PROMETHEUS_CONFIG.name}: scrapes the collector's metrics ports {sorted(served)}",
                 f"it scrapes {sorted(scraped)}")


def check_quarkus_services(report, services):
    for name, service in sorted(services.items()):
        module = module_of(service)
        if module is None or not (module / "src/main/resources/application.properties").exists():
            continue
        config = properties(module / "src/main/resources/application.properties")
        report.check(config.get("quarkus.application.name") == name,
                     f"{name}: compose service named after quarkus.application.name", config.get("quarkus.application.name"))
        known = configuration_names(module) | JVM_ENVIRONMENT
        for variable in sorted(service.get("environment", {})):
            report.check(variable in known, f"{name}: {module} reads {variable}",
                         "no ${...} placeholder, property or @ConfigProperty of that name")
        port = config.get("quarkus.http.port")
        test = " ".join(service.get("healthcheck", {}).get("test", []))
        report.check(f"http://localhost:{port}/q/health/ready" in test,
                     f"{name}: healthcheck asks /q/health/ready on port {port}", test or "no healthcheck")
        grace = seconds(service.get("stop_grace_period", "10s"))
        report.check(grace >= GRACEFUL_STOP_SECONDS,
                     f"{name}: stop_grace_period gives a graceful stop {GRACEFUL_STOP_SECONDS} s before SIGKILL",
                     f"{grace:g} s")


def seconds(duration):
    """Seconds of a Compose duration such as 40s, 1m30s or 1h."""
    units = {"h": 3600, "m": 60, "s": 1, "ms": 0.001, "us": 1e-6}
    return sum(float(value) * units[unit] for value, unit in re.findall(r"([0-9.]+)(ms|us|h|m|s)", str(duration)))


def check_load_generator(report, services):
    service = services.get("load-generator")
    report.check(service is not None, "load-generator: the baseline traffic is part of the stack")
    if service is None:
        return
    parser = LOAD_GENERATOR_PARSER.read_text()
    for flag in (argument for argument in service.get("command", []) if argument.startswith("--")):
        # A picocli option of the parser (@Option(names = "--rate")).
        report.check(re.search(rf'@Option\(names = (\{{[^}}]*)?"{re.escape(flag)}"', parser) is not None,
                     f"load-generator: understands {flag}")
    stack = SCENARIO_STACK.read_text()
    for variable in sorted(service.get("environment", {})):
        report.check(f'"{variable}"' in stack, f"load-generator: the scenario runner in its image reads {variable}")


def check_dependencies(report, services):
    for name, service in sorted(services.items()):
        for dependency, condition in sorted(service.get("depends_on", {}).items()):
            if condition.get("condition") == "service_healthy":
                report.check("healthcheck" in services[dependency],
                             f"{name}: waits for {dependency} to be healthy, and it has a healthcheck")


def check_mounts(report, services, root):
    for name, service in sorted(services.items()):
        for volume in service.get("volumes", []):
            if volume.get("type") == "bind":
                source = Path(volume["source"])
                report.check(source.exists(), f"{name}: mounts {source.relative_to(root)}",
                             "missing (Docker would create an empty directory in its place)")


def check_prometheus_targets(report, services):
    config = yaml.safe_load(PROMETHEUS_CONFIG.read_text())
    for job in config["scrape_configs"]:
        for static in job.get("static_configs", []):
            for target in static["targets"]:
                host, port = target.rsplit(":", 1)
                if host == "localhost":
                    continue
                report.check(host in services, f"{PROMETHEUS_CONFIG.name}: {job['job_name']} scrapes a compose service ({host})")
                module = module_of(services.get(host, {}))
                if module is not None and (module / "src/main/resources/application.properties").exists():
                    actual = properties(module / "src/main/resources/application.properties").get("quarkus.http.port")
                    report.check(port == actual, f"{PROMETHEUS_CONFIG.name}: {job['job_name']} scrapes port {port}",
                                 f"the service listens on {actual}")


def main():
    resolved = json.loads(Path(sys.argv[1]).read_text())
    services = resolved["services"]
    root = Path.cwd()
    report = Report()
    for title, check in (
        ("published ports", lambda: check_published_ports(report, services)),
        ("memory budget", lambda: check_memory(report, services)),
        ("pinned images", lambda: check_images(report, services)),
        ("collector version", lambda: check_collector_version(report, services)),
        ("telemetry path", lambda: check_collector_endpoints(report, services)),
        ("Quarkus services: environment and healthchecks", lambda: check_quarkus_services(report, services)),
        ("load generator arguments", lambda: check_load_generator(report, services)),
        ("depends_on conditions", lambda: check_dependencies(report, services)),
        ("bind mounts", lambda: check_mounts(report, services, root)),
        ("Prometheus targets", lambda: check_prometheus_targets(report, services)),
    ):
        print(f"{title}:")
        check()
    print(f"{report.failures} failed" if report.failures else "every wiring check passed")
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
