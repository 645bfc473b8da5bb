# syntax=docker/dockerfile:1
# The NegotiationGame server and its command line in one image. The server is the entry point; the migrate job runs
# the command line from the same image (docker-compose.yml, deploy/kubernetes/migrate-job.yaml), so that the schema a
# job applies always matches the nodes that image starts.

# ---- build: restores and publishes the server and the command line ----
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The server's build bundles the official SignalR browser client and the QR code module from npm.
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src

# Project files first, so that the restore layer is reused until a project or a package version changes.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/NegotiationGame.Domain/NegotiationGame.Domain.csproj src/NegotiationGame.Domain/
COPY src/NegotiationGame.Scenarios/NegotiationGame.Scenarios.csproj src/NegotiationGame.Scenarios/
COPY src/NegotiationGame.Contracts/NegotiationGame.Contracts.csproj src/NegotiationGame.Contracts/
COPY src/NegotiationGame.EventLog/NegotiationGame.EventLog.csproj src/NegotiationGame.EventLog/
COPY src/NegotiationGame.Storage/NegotiationGame.Storage.csproj src/NegotiationGame.Storage/
COPY src/NegotiationGame.Storage.Sqlite/NegotiationGame.Storage.Sqlite.csproj src/NegotiationGame.Storage.Sqlite/
COPY src/NegotiationGame.Storage.Postgres/NegotiationGame.Storage.Postgres.csproj src/NegotiationGame.Storage.Postgres/
COPY src/NegotiationGame.Grains/NegotiationGame.Grains.csproj src/NegotiationGame.Grains/
COPY src/NegotiationGame.Host/NegotiationGame.Host.csproj src/NegotiationGame.Host/
COPY src/NegotiationGame.Cli/NegotiationGame.Cli.csproj src/NegotiationGame.Cli/
RUN dotnet restore src/NegotiationGame.Host/NegotiationGame.Host.csproj \
    && dotnet restore src/NegotiationGame.Cli/NegotiationGame.Cli.csproj

COPY scenarios/ scenarios/
COPY src/ src/
RUN dotnet publish src/NegotiationGame.Host/NegotiationGame.Host.csproj --no-restore -c Release -o /out/server -p:UseAppHost=false \
    && dotnet publish src/NegotiationGame.Cli/NegotiationGame.Cli.csproj --no-restore -c Release -o /out/cli -p:UseAppHost=false

# ---- runtime: the ASP.NET Core runtime, the published server and command line, run as the image's non-root user ----
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /out/server/ /app/
COPY --from=build /out/cli/ /app/cli/

# The embedded mode's SQLite file and key ring live in /app/data, the only folder the app user may write; mount a
# volume there to keep them. Cluster mode keeps nothing on the node's disk.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
VOLUME ["/app/data"]

# Urls (not ASPNETCORE_HTTP_PORTS) because appsettings.json names Urls, and a setting from the environment outranks
# the file only when it has the same name.
ENV Urls=http://+:8080 \
    NegotiationGame__DataPath=/app/data/negotiationgame.db

# The web UI, the hub, /healthz/* and /metrics; then the Orleans silo-to-silo and gateway ports (cluster mode).
EXPOSE 8080 11111 30000

# No HEALTHCHECK: the image carries no curl or wget to run one with, Kubernetes ignores it in favour of its own
# probes, and docker-compose.yml declares its own check on /healthz/ready.
USER $APP_UID
ENTRYPOINT ["dotnet", "/app/negotiationgame-server.dll"]
