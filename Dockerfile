# syntax=docker/dockerfile:1
# The `pipeline` engine image. The SDK stage restores and publishes; the runtime stage carries only
# the published output on the ASP.NET Core runtime and runs it as the image's non-root user.
#   docker build -t pipeline:dev .
#   docker run --rm -p 8082:8082 pipeline:dev

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore from the project files alone first, so a source edit reuses the cached restore layer
# (publish restores again, which also covers a project added later and not listed here).
COPY Directory.Build.props Directory.Packages.props ./
COPY src/Pipeline.Actors/Pipeline.Actors.csproj src/Pipeline.Actors/
COPY src/Pipeline.Host/Pipeline.Host.csproj src/Pipeline.Host/
RUN dotnet restore src/Pipeline.Host/Pipeline.Host.csproj

COPY hocon/ hocon/
COPY src/ src/
RUN dotnet publish src/Pipeline.Host/Pipeline.Host.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./

# Inside a container the HTTP API must listen on every interface, not on loopback.
ENV PIPELINE_HTTP_URLS=http://0.0.0.0:8082
# HTTP ingest and query API, health and /metrics; Akka.Remote between cluster nodes.
EXPOSE 8082 4053

# APP_UID is the unprivileged user the .NET images define (1654); a numeric id lets Kubernetes
# check runAsNonRoot without reading /etc/passwd.
USER $APP_UID
ENTRYPOINT ["/app/pipeline"]
CMD ["run"]
