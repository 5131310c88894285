# SocketDesk in a container, e.g. for simulator fleets (deploy/k8s/simulate-job.yaml, docs/fleet.md).
#   docker build -t socketdesk .
#   docker run --rm socketdesk simulate periodic-client target:10000 -n 5000 --shard 1/4
# Stage 1 builds the jar with Maven; stage 2 is a JRE 17 runtime that runs it as a non-root user.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY engine/pom.xml engine/
COPY core/pom.xml core/
COPY web/pom.xml web/
COPY app/pom.xml app/
COPY .ci/ .ci/
COPY .mvn/ .mvn/
COPY engine/ engine/
COPY core/ core/
COPY web/ web/
COPY app/ app/
RUN mvn -B -q -DskipTests -Dspotless.check.skip=true -pl app -am package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --create-home --home-dir /home/socketdesk socketdesk
COPY --from=build /src/app/target/socketdesk.jar /opt/socketdesk/socketdesk.jar
COPY app/src/release/socketdesk /opt/socketdesk/socketdesk
# The class-data archive (AppCDS) for this image's JRE, made once here: the launcher's first run
# starts its training run in the background, so this step waits (at most 60 s) for the archive;
# the non-root user reads it (docs/performance.md, start-up).
RUN chmod 755 /opt/socketdesk/socketdesk \
 && ln -s /opt/socketdesk/socketdesk /usr/local/bin/socketdesk \
 && (socketdesk simulate periodic-client 127.0.0.1:9 -n 1 --connect-timeout 1s >/dev/null 2>&1 || true) \
 && for i in $(seq 1 60); do ls /opt/socketdesk/.cds/*.jsa >/dev/null 2>&1 && break; sleep 1; done \
 && chmod -R a+rX /opt/socketdesk
USER 10001:10001
WORKDIR /home/socketdesk
ENTRYPOINT ["socketdesk"]
CMD ["--help"]
