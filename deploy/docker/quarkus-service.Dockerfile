# The image of each Quarkus service; SERVICE names the module. Build from the repository root, which holds
# the parent pom and the shared modules (docker-compose.yml does this for all three):
#   docker build -f deploy/docker/quarkus-service.Dockerfile --build-arg SERVICE=checkout-service \
#     -t otel-reference/checkout-service .
# quarkus-service.Dockerfile.dockerignore limits the context to what the Maven builds read.

FROM maven:3.9.11-eclipse-temurin-21 AS build
ARG SERVICE
WORKDIR /src
COPY . .
# -am builds the reactor modules the service depends on (service-platform, telemetry-attributes and the
# test-scoped testing-support); tests run in CI, not in an image build. The cache mount keeps the
# local repository between builds, so only the first build downloads the dependencies.
RUN --mount=type=cache,target=/root/.m2/repository \
    test -n "$SERVICE" && mvn -B -ntp -pl "$SERVICE" -am package -DskipTests

FROM eclipse-temurin:21.0.8_9-jre-noble
ARG SERVICE
WORKDIR /deployments
RUN groupadd --system --gid 10001 quarkus && useradd --system --no-create-home --uid 10001 --gid 10001 quarkus
# The fast-jar in four layers, from the least to the most often changed: a code change leaves the
# dependency layer (lib/, most of the image) as it was. Owned by root: the application cannot change itself.
COPY --from=build /src/${SERVICE}/target/quarkus-app/lib/ lib/
COPY --from=build /src/${SERVICE}/target/quarkus-app/*.jar ./
COPY --from=build /src/${SERVICE}/target/quarkus-app/app/ app/
COPY --from=build /src/${SERVICE}/target/quarkus-app/quarkus/ quarkus/
# All interfaces of the container's own network: which of them reach the host is compose's or Kubernetes'
# choice (ports:, Services). Outside a container the services listen on loopback only.
ENV QUARKUS_HTTP_HOST=0.0.0.0
# The current semantic conventions for database and code attributes (db.query.text, db.system.name,
# code.function.name, ...) instead of the deprecated ones the instrumentation still writes by default. Read by
# the OpenTelemetry instrumentation libraries, not by Quarkus's configuration, hence an environment variable;
# the same value as infra/services.sh and the build's tests (docs/telemetry/conventions.md).
ENV OTEL_SEMCONV_STABILITY_OPT_IN=database,code
# Numeric, so that Kubernetes' runAsNonRoot can verify it without reading /etc/passwd.
USER 10001:10001
# The heap is half the container's memory limit (metaspace, code cache and thread stacks need the
# rest); JAVA_TOOL_OPTIONS adds flags without a rebuild. The port is the service's quarkus.http.port.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=50", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-jar", "quarkus-run.jar"]
