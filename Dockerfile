# syntax=docker/dockerfile:1
#
# The image of every Spring Boot service of the portal (membership-service, events-service, expert-salon-service,
# branding-assets-service, gateway, and the ones to come), chosen by the build argument MODULE:
#
#   docker build --build-arg MODULE=membership-service -t brandcluster/membership-service .
#
# One parametrised Dockerfile rather than one per module: the modules are built by the same reactor with the same JDK,
# packaged by the same spring-boot-maven-plugin into the same four layers and run with the same JVM flags. Five copies
# would only drift apart (a JVM flag or a base image updated in four of them); a new service needs a line in
# docker-compose.yml, not a new Dockerfile. DockerComposeTest (system-tests) checks this file and the compose file.
#
# Needs BuildKit (the default builder of Docker 23+ and of docker compose) for the Maven cache mount.

ARG JDK_IMAGE=eclipse-temurin:21-jdk-noble
ARG JRE_IMAGE=eclipse-temurin:21-jre-noble
ARG NODE_IMAGE=node:22-bookworm-slim

# ---- ui: the web front end (portal-ui), built with Node.js; the gateway's jar carries it ---------------------------
# Its own stage so that the JDK image needs no Node.js; the Maven build below packages what this stage built
# (-Dskip.ui). Cached like any stage: a service image build reuses it unchanged.
FROM ${NODE_IMAGE} AS ui
WORKDIR /workspace/portal-ui
COPY portal-ui/package.json portal-ui/package-lock.json ./
COPY portal-ui/scripts/npm-install.sh scripts/
RUN --mount=type=cache,target=/root/.npm,id=brandcluster-npm,sharing=locked sh scripts/npm-install.sh
COPY openapi /workspace/openapi
COPY portal-ui ./
RUN npm run build

# ---- build: the module and the platform modules it depends on, with the project's own Maven wrapper ---------------
FROM ${JDK_IMAGE} AS build
ARG MODULE
WORKDIR /workspace
# The whole source tree (.dockerignore keeps build output, .git and secrets out): Maven reads every module's pom of
# the reactor even when it builds only one module and its dependencies.
COPY . .
COPY --from=ui /workspace/portal-ui/target/classes/static portal-ui/target/classes/static
# The local Maven repository (and the wrapper's Maven distribution) lives in a BuildKit cache, not in a layer, so that
# a rebuild downloads nothing. sharing=locked: compose builds the services in parallel, and Maven's local repository
# is not safe for concurrent writers.
RUN --mount=type=cache,target=/root/.m2,id=brandcluster-maven,sharing=locked \
    set -eu; \
    if [ -z "${MODULE:-}" ]; then \
        echo "Set the build argument MODULE to the module directory, e.g. --build-arg MODULE=membership-service" >&2; \
        exit 1; \
    fi; \
    ./mvnw --batch-mode --no-transfer-progress -pl "${MODULE}" -am package -DskipTests -Dskip.ui; \
    jar="$(find "${MODULE}/target" -maxdepth 1 -name '*.jar' \
            ! -name '*-sources.jar' ! -name '*-javadoc.jar' ! -name '*-tests.jar' ! -name '*-plain.jar')"; \
    if [ "$(printf '%s\n' "$jar" | grep -c .)" -ne 1 ]; then \
        echo "Expected exactly one executable jar in ${MODULE}/target, found: ${jar:-none}" >&2; \
        exit 1; \
    fi; \
    cp "$jar" /workspace/application.jar

# ---- extract: split the Boot jar into its layers (BOOT-INF/layers.idx), least to most frequently changing ---------
FROM ${JRE_IMAGE} AS extract
WORKDIR /extract
COPY --from=build /workspace/application.jar application.jar
# Spring Boot 3.3+/4 tools jar mode; --launcher keeps the fat-jar layout plus Boot's JarLauncher, so the classpath
# order is the one of the packaged jar (BOOT-INF/classpath.idx).
RUN java -Djarmode=tools -jar application.jar extract --layers --launcher --destination /extract/layers

# ---- runtime: JRE only, non-root, one image layer per Boot layer ----------------------------------------------------
FROM ${JRE_IMAGE} AS runtime
ARG MODULE
# curl is what docker-compose.yml's health checks run (GET /actuator/health/readiness). The Temurin images ship it
# today; install it should a base image ever come without. branding-assets-service draws member badges with Chinese
# names: it needs a CJK font (Noto Sans CJK SC) and fontconfig for Java to find it; the other images stay without.
RUN if ! command -v curl >/dev/null 2>&1; then \
        apt-get update \
        && apt-get install -y --no-install-recommends curl \
        && rm -rf /var/lib/apt/lists/*; \
    fi; \
    if [ "$MODULE" = "branding-assets-service" ]; then \
        apt-get update \
        && apt-get install -y --no-install-recommends fontconfig fonts-noto-cjk \
        && rm -rf /var/lib/apt/lists/*; \
    fi; \
    groupadd --system --gid 10001 spring \
    && useradd --system --uid 10001 --gid spring --home-dir /app --no-create-home --shell /usr/sbin/nologin spring
WORKDIR /app
# Dependency order: a change of the application's own classes rebuilds (and pushes, and pulls) only the last layer.
# The files stay owned by root: the application can read its code but not change it.
COPY --from=extract /extract/layers/dependencies/ ./
COPY --from=extract /extract/layers/spring-boot-loader/ ./
COPY --from=extract /extract/layers/snapshot-dependencies/ ./
COPY --from=extract /extract/layers/application/ ./
# Numeric, so that Kubernetes' runAsNonRoot can verify it.
USER 10001:10001
# The heap follows the container's memory limit (75 %, the rest for metaspace, threads, buffers); an
# OutOfMemoryError ends the process so the container restarts instead of limping on. More flags, e.g. a heap dump
# path, through JAVA_TOOL_OPTIONS. The port comes from the environment (PORT), and the health checks are in
# docker-compose.yml and the Kubernetes probes, as each service has its own port.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=/tmp", \
            "org.springframework.boot.loader.launch.JarLauncher"]
