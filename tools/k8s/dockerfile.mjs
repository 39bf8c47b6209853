// Lints the engine's Dockerfile: dockerfile-utils' validator (syntax and its best-practice rules),
// then what the deployment relies on: a non-root runtime stage that runs `pipeline run` and
// exposes the HTTP and remoting ports the manifests use.
import { readFileSync } from "node:fs";
import { DockerfileParser } from "dockerfile-ast";
import { validate, ValidationSeverity } from "dockerfile-utils";

const strict = ValidationSeverity.ERROR;
const rules = {
  deprecatedMaintainer: strict, directiveCasing: strict, emptyContinuationLine: strict, instructionCasing: strict,
  instructionCmdMultiple: strict, instructionEntrypointMultiple: strict, instructionHealthcheckMultiple: strict,
  instructionJSONInSingleQuotes: strict, instructionWorkdirRelative: strict,
};

/** Returns the Dockerfile's problems as messages; `ports` are the container ports the pods use. */
export function dockerfileProblems(file, ports) {
  const content = readFileSync(file, "utf8");
  const problems = validate(content, rules).map((d) => `line ${d.range.start.line + 1}: ${d.message}`);

  const instructions = DockerfileParser.parse(content).getInstructions();
  const froms = instructions.filter((i) => i.getKeyword() === "FROM");
  if (froms.length < 2) problems.push("must be multi-stage: an SDK build stage and a runtime stage");
  const lastFrom = instructions.lastIndexOf(froms.at(-1));
  const runtime = instructions.slice(lastFrom);
  const args = (keyword) => runtime.filter((i) => i.getKeyword() === keyword).flatMap((i) => i.getArguments().map((a) => a.getValue()));

  if (!/\/aspnet:/.test(froms.at(-1)?.getArgumentsContent() ?? "")) problems.push("the runtime stage must be FROM the ASP.NET Core runtime image");
  if (!instructions.some((i) => i.getKeyword() === "RUN" && /dotnet publish/.test(i.getArgumentsContent())))
    problems.push("no stage runs dotnet publish");
  const user = args("USER").at(-1);
  if (!user || /^(root|0)(:|$)/.test(user)) problems.push("the runtime stage must switch to a non-root USER");
  const entrypoint = runtime.filter((i) => i.getKeyword() === "ENTRYPOINT").at(-1)?.getArgumentsContent() ?? "";
  const cmd = runtime.filter((i) => i.getKeyword() === "CMD").at(-1)?.getArgumentsContent() ?? "";
  if (!/^\[\s*"[^"]*\/pipeline"\s*\]$/.test(entrypoint)) problems.push('ENTRYPOINT must be the exec form of the pipeline binary, e.g. ["/app/pipeline"]');
  if (!/^\[\s*"run"\s*\]$/.test(cmd)) problems.push('CMD must be ["run"]');
  const exposed = new Set(args("EXPOSE").map((p) => Number(p.split("/")[0])));
  for (const port of ports) if (!exposed.has(port)) problems.push(`does not EXPOSE ${port}, a port of the engine container`);
  return problems;
}
