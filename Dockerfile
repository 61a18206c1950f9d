# Build: Maven compiles, the Vaadin plugin bundles the front end (it fetches its own Node.js
# when the image has none), tests are run by CI, not here.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
RUN mvn -B -ntp -q dependency:go-offline || true
COPY frontend ./frontend
COPY datasets ./datasets
COPY src ./src
RUN mvn -B -ntp -DskipTests package

# Run: a JRE, the single jar, and libtorch already unpacked into the image's DJL cache.
FROM eclipse-temurin:17-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --uid 10001 playground
WORKDIR /app
COPY --from=build /src/target/training-playground.jar /app/training-playground.jar
ENV PLAYGROUND_DJL_CACHE=/app/djl-cache \
    PLAYGROUND_DATA_DIR=/data \
    PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=50"
# One tiny headless run unpacks libtorch into the cache at build time (a smoke test too),
# so containers start in seconds and never write the 430 MB at run time.
RUN java -jar /app/training-playground.jar train --epochs 1 --batch 1024 \
        --djl-cache /app/djl-cache > /dev/null \
    && mkdir /data \
    && chown -R playground /app /data
# The run history's SQLite file: mount a volume here so that runs outlive the container.
VOLUME /data
USER playground
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://localhost:8080/health/ready > /dev/null || exit 1
CMD ["java", "-jar", "/app/training-playground.jar"]
