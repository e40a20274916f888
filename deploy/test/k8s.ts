// Builds the kustomizations and checks objects against the Kubernetes API schemas that ship in the
// npm package kubernetes-models (JSON Schema per kind, and TypeScript types of the same API):
// nothing is downloaded while the checks run.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { parseAllDocuments } from 'yaml';
import { kustomize, repoRoot, runOk } from './tools.js';

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

export const kubernetesDir = path.join(repoRoot, 'deploy/kubernetes');

/** base and every overlay: what someone may apply. */
export function kustomizations(): string[] {
  const overlays = readdirSync(path.join(kubernetesDir, 'overlays'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `overlays/${entry.name}`);
  return ['base', ...overlays.sort()];
}

export function build(kustomization: string): K8sObject[] {
  const output = runOk(kustomize(), [path.join(kubernetesDir, kustomization)]);
  return parseAllDocuments(output)
    .map((document) => document.toJS() as K8sObject | null)
    .filter((object): object is K8sObject => object !== null);
}

export const describeObject = (object: K8sObject) => `${object.kind}/${object.metadata.name}`;

/** Where kubernetes-models keeps a kind: apps/v1 Deployment -> apps/v1/Deployment, v1 Service -> v1/Service. */
function modelPath(object: K8sObject): string {
  return `kubernetes-models/${object.apiVersion}/${object.kind}`;
}

async function importModels(specifier: string): Promise<Record<string, unknown>> {
  try {
    return (await import(specifier)) as Record<string, unknown>;
  } catch (error) {
    if (/Cannot find module|ERR_MODULE_NOT_FOUND|Could not locate module/.test(String(error))) {
      throw new Error(
        `cannot load ${specifier}: either kubernetes-models has no such kind, or the package is missing ` +
          `(npm install --save-dev --workspace deploy kubernetes-models@^5 yaml@^2). ${String(error)}`,
      );
    }
    throw error;
  }
}

/** Validates with the kind's JSON Schema (kubernetes-models' validate()); returns the problems. */
export async function schemaProblems(object: K8sObject): Promise<string[]> {
  const models = await importModels(modelPath(object));
  const Model = models[object.kind] as (new (data: unknown) => { validate(): void }) | undefined;
  if (!Model) return [`kubernetes-models has no ${object.apiVersion} ${object.kind}`];
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    return [`${describeObject(object)}: ${error instanceof Error ? error.message : String(error)}`];
  }
}

/**
 * The JSON Schemas in kubernetes-models accept fields they do not know (a misspelt
 * `readinesProbe` passes), which the API server rejects or drops. TypeScript's excess-property
 * check on an object literal does not: each object is compiled as `const x: I<Kind> = {…}` against
 * the package's types of the same API, and every compiler error is a problem.
 */
export function unknownFieldProblems(objects: K8sObject[]): string[] {
  const file = path.join(repoRoot, 'deploy/test/__kubernetes_objects__.ts');
  const lines: string[] = [];
  const owners: { line: number; object: K8sObject }[] = [];
  objects.forEach((object, index) => {
    lines.push(`import type { I${object.kind} as T${index} } from '${modelPath(object)}';`);
  });
  objects.forEach((object, index) => {
    owners.push({ line: lines.length, object });
    lines.push(`export const o${index}: T${index} = ${JSON.stringify(object)};`); // One line per object.
  });
  const source = lines.join('\n');
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2023,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...rest) =>
    name === file ? ts.createSourceFile(name, source, version) : getSourceFile(name, version, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === file || fileExists(name);
  const program = ts.createProgram([file], options, host);
  const sourceFile = program.getSourceFile(file)!;
  return ts.getPreEmitDiagnostics(program, sourceFile).map((diagnostic) => {
    const line =
      diagnostic.start === undefined ? 0 : sourceFile.getLineAndCharacterOfPosition(diagnostic.start).line;
    const owner = owners.filter((entry) => entry.line <= line).at(-1);
    const where = owner ? describeObject(owner.object) : 'imports';
    return `${where}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
  });
}
