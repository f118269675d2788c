# Build with the Maven wrapper, run on a JRE as a non-root user. One port: 7860 (HTTP + WebSocket).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY routes routes
COPY config config
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home /app gateway
WORKDIR /app
COPY --from=build /src/target/voice-gateway.jar /app/voice-gateway.jar
COPY routes /app/routes
COPY config /app/config
RUN mkdir -p /app/logs && chown -R gateway /app
USER gateway
ENV PORT=7860 ROUTES_INCLUDE_PATTERN=file:/app/routes/*.camel.yaml
EXPOSE 7860
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
    CMD curl -fsS "http://localhost:${PORT}/health" || exit 1
# -Xss2m: onnxruntime (Silero VAD) needs more than the default thread stack on some versions.
ENTRYPOINT ["java", "-Xss2m", "-XX:MaxRAMPercentage=75", "-jar", "/app/voice-gateway.jar"]
