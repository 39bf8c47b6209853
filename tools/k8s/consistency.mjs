// Checks across the objects of one render that no schema can make: references resolve, selectors
// select, and the engine's cluster wiring (seeds, hostnames, probes, shutdown) agrees with itself.
// Each check returns messages; an empty list means it holds.

const engineName = "pipeline";
// The engine's shutdown phases take up to 110 s (hocon/cluster.conf); the kubelet must wait longer.
// tests/Pipeline.Host.Tests/Deploy/ManifestTests.cs sums the phases from the HOCON itself.
const shutdownSeconds = 110;
const workloadKinds = new Set(["StatefulSet", "Deployment", "DaemonSet"]);

const named = (objects, kind) => objects.filter((o) => o.kind === kind);
const find = (objects, kind, name) => objects.find((o) => o.kind === kind && o.metadata.name === name);
const selects = (selector, labels) =>
  Object.entries(selector ?? {}).length > 0 && Object.entries(selector).every(([k, v]) => labels?.[k] === v);
const containersOf = (pod) => [...(pod.initContainers ?? []), ...(pod.containers ?? [])];
const envValue = (container, name) => container.env?.find((e) => e.name === name)?.value;

/**
 * @param objects the rendered objects
 * @param options.selfContained every Secret a pod needs must be among the objects (a runnable overlay)
 * @param options.hocon map of file name to content of hocon/*.conf, which pipeline-hocon must equal
 */
export function consistencyProblems(objects, { selfContained, hocon }) {
  const problems = [];
  const report = (object, message) => problems.push(`${object.kind}/${object.metadata.name}: ${message}`);

  for (const workload of objects.filter((o) => workloadKinds.has(o.kind)))
    checkWorkload(objects, workload, selfContained, (m) => report(workload, m));
  for (const service of named(objects, "Service")) checkService(objects, service, (m) => report(service, m));
  for (const budget of named(objects, "PodDisruptionBudget")) {
    if (!objects.some((o) => workloadKinds.has(o.kind) && selects(budget.spec.selector?.matchLabels, o.spec.template.metadata?.labels)))
      report(budget, "selects no workload's pods");
  }
  const engine = find(objects, "StatefulSet", engineName);
  if (!engine) problems.push(`StatefulSet/${engineName}: missing`);
  else checkEngine(objects, engine, hocon, (m) => report(engine, m));
  checkStrimzi(objects, engine, (object, m) => report(object, m));
  return problems;
}

function checkWorkload(objects, workload, selfContained, report) {
  const pod = workload.spec.template.spec;
  if (!selects(workload.spec.selector?.matchLabels, workload.spec.template.metadata?.labels))
    report("spec.selector does not match the pod template's labels");
  const account = pod.serviceAccountName;
  if (account && !find(objects, "ServiceAccount", account)) report(`service account '${account}' is not defined`);

  const volumes = new Set([...(pod.volumes ?? []).map((v) => v.name),
    ...(workload.spec.volumeClaimTemplates ?? []).map((t) => t.metadata.name)]);
  const needConfigMap = (ref, where) => {
    if (ref && !ref.optional && !find(objects, "ConfigMap", ref.name)) report(`${where}: ConfigMap '${ref.name}' is not defined`);
  };
  const needSecret = (ref, key, where) => {
    if (!ref || ref.optional || !selfContained) return;
    const secret = find(objects, "Secret", ref.name);
    if (!secret) report(`${where}: Secret '${ref.name}' is not defined`);
    else if (key && !(key in (secret.stringData ?? {})) && !(key in (secret.data ?? {})))
      report(`${where}: Secret '${ref.name}' has no key '${key}'`);
  };
  for (const volume of pod.volumes ?? []) {
    needConfigMap(volume.configMap, `volume ${volume.name}`);
    if (volume.secret) needSecret({ name: volume.secret.secretName, optional: volume.secret.optional }, undefined, `volume ${volume.name}`);
  }
  for (const container of containersOf(pod)) {
    const where = `container ${container.name}`;
    const ports = new Set((container.ports ?? []).map((p) => p.name));
    for (const mount of container.volumeMounts ?? [])
      if (!volumes.has(mount.name)) report(`${where}: mounts undefined volume '${mount.name}'`);
    for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
      const port = container[probe]?.httpGet?.port;
      if (typeof port === "string" && !ports.has(port)) report(`${where}: ${probe} uses undefined port '${port}'`);
    }
    for (const from of container.envFrom ?? []) {
      needConfigMap(from.configMapRef, where);
      needSecret(from.secretRef, undefined, where);
    }
    const defined = new Set();
    for (const variable of container.env ?? []) {
      needConfigMap(variable.valueFrom?.configMapKeyRef, `${where} env ${variable.name}`);
      needSecret(variable.valueFrom?.secretKeyRef, variable.valueFrom?.secretKeyRef?.key, `${where} env ${variable.name}`);
      // Kubernetes expands $(NAME) only for variables defined earlier in the same list.
      const used = new Set([...(variable.value ?? "").matchAll(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g)].map((m) => m[1]));
      for (const name of used)
        if (!defined.has(name)) report(`${where} env ${variable.name}: $(${name}) is not defined before it`);
      defined.add(variable.name);
    }
  }
}

function checkService(objects, service, report) {
  const pods = objects.filter((o) => workloadKinds.has(o.kind) && selects(service.spec.selector, o.spec.template.metadata?.labels));
  if (pods.length === 0) {
    report("selects no workload's pods");
    return;
  }
  const ports = new Set(pods.flatMap((w) => containersOf(w.spec.template.spec).flatMap((c) => (c.ports ?? []).map((p) => p.name))));
  for (const port of service.spec.ports ?? [])
    if (typeof port.targetPort === "string" && !ports.has(port.targetPort)) report(`port ${port.name}: target port '${port.targetPort}' is not a container port`);
}

function checkEngine(objects, engine, hocon, report) {
  const spec = engine.spec;
  const pod = spec.template.spec;
  const container = pod.containers.find((c) => c.name === engineName);
  if (!container) {
    report(`no container named '${engineName}'`);
    return;
  }
  if (!(pod.terminationGracePeriodSeconds > shutdownSeconds))
    report(`terminationGracePeriodSeconds must exceed the ${shutdownSeconds} s of the shutdown phases`);
  if (!pod.affinity?.podAntiAffinity) report("has no pod anti-affinity");
  if (container.livenessProbe?.httpGet?.path !== "/healthz/live") report("liveness probe must GET /healthz/live");
  if (container.readinessProbe?.httpGet?.path !== "/healthz/ready") report("readiness probe must GET /healthz/ready");

  // The headless Service that names the pods, and the addresses built from those names.
  const headless = find(objects, "Service", spec.serviceName);
  const remoting = container.ports?.find((p) => p.name === "remoting")?.containerPort;
  if (!headless) report(`serviceName '${spec.serviceName}' is not a Service`);
  else {
    if (headless.spec.clusterIP !== "None") report(`Service '${headless.metadata.name}' must be headless (clusterIP: None)`);
    if (headless.spec.publishNotReadyAddresses !== true)
      report(`Service '${headless.metadata.name}' must publish not-ready addresses, or no pod can join the cluster`);
    if (!headless.spec.ports?.some((p) => p.port === remoting)) report(`Service '${headless.metadata.name}' does not expose the remoting port ${remoting}`);
  }
  const fieldRef = (name, path) => container.env?.find((e) => e.name === name)?.valueFrom?.fieldRef?.fieldPath === path;
  if (!fieldRef("POD_NAME", "metadata.name")) report("POD_NAME must come from fieldRef metadata.name");
  if (!fieldRef("POD_NAMESPACE", "metadata.namespace")) report("POD_NAMESPACE must come from fieldRef metadata.namespace");
  const host = (podName) => `${podName}.${spec.serviceName}.$(POD_NAMESPACE).svc.cluster.local`;
  if (envValue(container, "PIPELINE_HOSTNAME") !== host("$(POD_NAME)")) report(`PIPELINE_HOSTNAME must be ${host("$(POD_NAME)")}`);
  if (!Number.isInteger(spec.replicas)) return; // a schema problem, reported there
  const seeds = (envValue(container, "PIPELINE_SEEDS") ?? "").split(",");
  const expected = Array.from({ length: spec.replicas }, (_, i) => `akka.tcp://pipeline@${host(`${engine.metadata.name}-${i}`)}:${remoting}`);
  if (seeds.join(",") !== expected.join(",")) report(`PIPELINE_SEEDS must list the ${spec.replicas} pods: ${expected.join(",")}`);
  const urls = envValue(container, "PIPELINE_HTTP_URLS") ?? "";
  const http = container.ports?.find((p) => p.name === "http")?.containerPort;
  if (urls !== `http://0.0.0.0:${http}`) report(`PIPELINE_HTTP_URLS must be http://0.0.0.0:${http}, the http container port on every interface`);

  // The hocon/ layers replace the image's copy; the --config file comes from a mounted ConfigMap.
  const mountedConfigMap = (file) => {
    const mount = container.volumeMounts?.find((m) => file.startsWith(`${m.mountPath}/`));
    const volume = mount && pod.volumes?.find((v) => v.name === mount.name);
    return volume?.configMap && find(objects, "ConfigMap", volume.configMap.name);
  };
  const layers = mountedConfigMap("/app/hocon/pipeline.conf");
  if (!layers) report("no ConfigMap is mounted at /app/hocon");
  else checkHoconConfigMap(layers, hocon, report);
  const args = container.args ?? [];
  const overlay = args[args.indexOf("--config") + 1];
  if (args[0] !== "run") report("args must start with the verb 'run'");
  if (!args.includes("--config")) report("args must pass --config");
  else if (!mountedConfigMap(overlay)?.data?.[overlay.split("/").pop()]) report(`--config ${overlay} is not a file of a mounted ConfigMap`);
}

function checkHoconConfigMap(configMap, hocon, report) {
  const data = configMap.data ?? {};
  const where = `ConfigMap ${configMap.metadata.name}`;
  for (const [file, text] of Object.entries(hocon)) {
    if (!(file in data)) report(`${where} lacks hocon/${file} (run deploy/k8s/sync-config.sh)`);
    else if (data[file] !== text) report(`${where}: ${file} differs from hocon/${file} (run deploy/k8s/sync-config.sh)`);
  }
  for (const file of Object.keys(data))
    if (!(file in hocon)) report(`${where}: ${file} is not in hocon/ (run deploy/k8s/sync-config.sh)`);
}

function checkStrimzi(objects, engine, report) {
  const clusters = named(objects, "Kafka");
  for (const object of [...named(objects, "KafkaTopic"), ...named(objects, "KafkaNodePool")]) {
    const cluster = object.metadata.labels?.["strimzi.io/cluster"];
    if (!find(objects, "Kafka", cluster)) report(object, `strimzi.io/cluster '${cluster}' is not a Kafka here`);
  }
  const topics = named(objects, "KafkaTopic");
  for (const topic of topics) {
    const brokers = named(objects, "KafkaNodePool")
      .filter((p) => p.metadata.labels?.["strimzi.io/cluster"] === topic.metadata.labels?.["strimzi.io/cluster"] && p.spec.roles.includes("broker"))
      .reduce((sum, p) => sum + p.spec.replicas, 0);
    if ((topic.spec.replicas ?? 1) > brokers) report(topic, `asks for ${topic.spec.replicas} replicas with ${brokers} brokers`);
  }
  if (clusters.length === 0) return;
  const names = new Set(topics.map((t) => t.spec.topicName ?? t.metadata.name));
  const prefixes = [...names].filter((n) => n.endsWith(".pin")).map((n) => n.slice(0, -4));
  if (!prefixes.some((p) => ["pin", "geo", "user"].every((table) => names.has(`${p}.${table}`))))
    report(clusters[0], "no KafkaTopic set <prefix>.pin, <prefix>.geo, <prefix>.user");
  const container = engine?.spec.template.spec.containers.find((c) => c.name === engineName);
  const bootstrap = container && envValue(container, "PIPELINE_KAFKA_BOOTSTRAP");
  const expected = clusters.flatMap((k) => k.spec.kafka.listeners.filter((l) => !l.tls && l.type === "internal")
    .map((l) => `${k.metadata.name}-kafka-bootstrap:${l.port}`));
  if (container && !expected.includes(bootstrap))
    report(engine, `PIPELINE_KAFKA_BOOTSTRAP '${bootstrap}' is not a plain internal listener of the Kafka here (${expected.join(", ")})`);
}
