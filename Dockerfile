# syntax=docker/dockerfile:1
#
# Build:  docker build -t runbook-bot .
# Run with your own runbooks mounted read-only at /runbooks:
#   docker run --rm -v "$PWD/runbooks:/runbooks:ro" runbook-bot ask --runbooks /runbooks "port already in use"
# Without a mount, the image answers from this repository's runbooks/:
#   docker run --rm runbook-bot ask "port already in use"
# Secrets (chat tokens, agent keys) go in with --env-file or a mounted file, never as arguments.

# ---- build stage -----------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build

# Dependencies first, so this layer is cached until pom.xml changes.
COPY pom.xml .
RUN mvn -B -q dependency:go-offline

COPY src ./src
RUN mvn -B -q -DskipTests package

# ---- runtime stage ---------------------------------------------------------
FROM eclipse-temurin:17-jre

RUN groupadd --gid 10001 runbook \
 && useradd --uid 10001 --gid runbook --no-create-home --home-dir /app --shell /usr/sbin/nologin runbook

WORKDIR /app
COPY --from=build /build/target/runbook-bot.jar /app/runbook-bot.jar
COPY prompts/ /app/prompts/
# prompt templates are read on every use: mount another folder here to change them without a rebuild
ENV RUNBOOK_BOT_PROMPTS=/app/prompts
# The bundled runbooks seed the volume: an unmounted /runbooks still answers, a mounted one replaces them.
COPY runbooks/ /runbooks/

VOLUME /runbooks
ENV RUNBOOK_BOT_RUNBOOKS=/runbooks

# audit, feedback and investigation logs and the embedding cache outlive the container (the user
# cannot write /app, so no log may default to the working directory)
RUN mkdir -p /var/lib/runbook-bot && chown 10001:10001 /var/lib/runbook-bot
VOLUME /var/lib/runbook-bot
ENV RUNBOOK_BOT_AUDIT_LOG=/var/lib/runbook-bot/audit.jsonl \
    RUNBOOK_BOT_FEEDBACK_LOG=/var/lib/runbook-bot/feedback.jsonl \
    RUNBOOK_BOT_INVESTIGATION_LOG=/var/lib/runbook-bot/investigations.jsonl \
    RUNBOOK_BOT_CACHE_DIR=/var/lib/runbook-bot/cache

# health, readiness and Prometheus metrics; Slack HTTP mode (Socket Mode needs no inbound port).
# Outside a container both listen on 127.0.0.1 by default; in one, probes, scrapes and the TLS proxy
# in front of Slack HTTP mode come from outside, so the image listens on every interface.
ENV RUNBOOK_BOT_HTTP_BIND=0.0.0.0 \
    SLACK_HTTP_BIND=0.0.0.0
EXPOSE 8080 3000

USER 10001:10001

ENTRYPOINT ["java", "-XX:+UseSerialGC", "-XX:MaxRAMPercentage=75", "-jar", "/app/runbook-bot.jar"]
# `serve` starts the chat front ends whose tokens are set (SLACK_*, DISCORD_BOT_TOKEN, from --env-file
# or *_FILE mounted secrets) plus /healthz, /readyz and /metrics on 8080; `agent` runs the diagnostics
# agent on a target host; `ask "..."` answers once.
CMD ["serve"]
