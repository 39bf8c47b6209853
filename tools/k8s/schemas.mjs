// Schema validation of rendered objects. Kubernetes kinds: the OpenAPI schemas compiled into the
// kubernetes-models package, plus its field names (fields.mjs), since those schemas allow any
// field. Strimzi kinds (custom resources, so in no core schema): the minimal schemas below, which
// cover the fields this repository writes and reject any other field.
import Ajv from "ajv";
import { unknownFieldProblems } from "./fields.mjs";

const strimziApi = "kafka.strimzi.io/v1beta2";

const metadata = {
  type: "object", required: ["name"],
  properties: { name: { type: "string", pattern: "^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$", maxLength: 253 } },
};
const resources = {
  type: "object", additionalProperties: false,
  properties: { requests: { type: "object" }, limits: { type: "object" } },
};
const clusterLabel = {
  type: "object", required: ["labels"],
  properties: {
    labels: { type: "object", required: ["strimzi.io/cluster"], properties: { "strimzi.io/cluster": { type: "string" } } },
  },
};
const resource = (spec, meta = metadata) => ({
  type: "object", required: ["apiVersion", "kind", "metadata", "spec"], additionalProperties: false,
  properties: { apiVersion: { const: strimziApi }, kind: { type: "string" }, metadata: { allOf: [metadata, meta] }, spec },
});

const strimziSchemas = {
  Kafka: resource({
    type: "object", required: ["kafka"], additionalProperties: false,
    properties: {
      kafka: {
        type: "object", required: ["listeners"], additionalProperties: false,
        properties: {
          version: { type: "string" },
          metadataVersion: { type: "string" },
          listeners: {
            type: "array", minItems: 1,
            items: {
              type: "object", required: ["name", "port", "type", "tls"], additionalProperties: false,
              properties: {
                name: { type: "string", pattern: "^[a-z0-9]{1,11}$" },
                port: { type: "integer", minimum: 9092 },
                type: { enum: ["internal", "route", "loadbalancer", "nodeport", "ingress", "cluster-ip"] },
                tls: { type: "boolean" },
                authentication: { type: "object" },
                configuration: { type: "object" },
              },
            },
          },
          config: { type: "object", additionalProperties: { type: ["string", "integer", "boolean", "number"] } },
          resources,
        },
      },
      entityOperator: {
        type: "object", additionalProperties: false,
        properties: { topicOperator: { type: "object" }, userOperator: { type: "object" } },
      },
    },
  }),
  KafkaNodePool: resource({
    type: "object", required: ["replicas", "roles", "storage"], additionalProperties: false,
    properties: {
      replicas: { type: "integer", minimum: 0 },
      roles: { type: "array", minItems: 1, uniqueItems: true, items: { enum: ["controller", "broker"] } },
      storage: {
        type: "object", required: ["type"],
        properties: { type: { enum: ["ephemeral", "persistent-claim", "jbod"] }, size: { type: "string" } },
      },
      resources,
    },
  }, clusterLabel),
  KafkaTopic: resource({
    type: "object", additionalProperties: false,
    properties: {
      topicName: { type: "string", pattern: "^[a-zA-Z0-9._-]{1,249}$" },
      partitions: { type: "integer", minimum: 1 },
      replicas: { type: "integer", minimum: 1, maximum: 32767 },
      config: { type: "object" },
    },
  }, clusterLabel),
};

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
const strimziValidators = Object.fromEntries(
  Object.entries(strimziSchemas).map(([kind, schema]) => [kind, ajv.compile(schema)]));

const describe = (errors) =>
  errors.map((e) => `${e.instancePath || "/"} ${e.message}${e.params?.additionalProperty ? ` '${e.params.additionalProperty}'` : ""}`);

/** Returns the schema problems of one object, as messages (empty when it is valid). */
export async function schemaProblems(object) {
  const { apiVersion, kind } = object;
  if (typeof apiVersion !== "string" || typeof kind !== "string") return ["apiVersion and kind must be strings"];
  if (apiVersion === strimziApi) {
    const validate = strimziValidators[kind];
    if (!validate) return [`no schema for Strimzi kind ${kind} in tools/k8s/schemas.mjs`];
    return validate(object) ? [] : describe(validate.errors);
  }
  const model = await kubernetesModel(apiVersion, kind);
  if (!model) return [`no Kubernetes schema for ${apiVersion} ${kind}`];
  try {
    new model(object).validate();
  } catch (error) {
    return error.errors ? describe(error.errors) : [error.message];
  }
  return unknownFieldProblems(object);
}

// kubernetes-models has one module per API group and version: v1, apps/v1, policy/v1, ...
async function kubernetesModel(apiVersion, kind) {
  if (!/^([a-z0-9.-]+\/)?v[0-9]+((alpha|beta)[0-9]+)?$/.test(apiVersion)) return undefined;
  try {
    const module = await import(`kubernetes-models/${apiVersion}`);
    return module[kind];
  } catch {
    return undefined;
  }
}
