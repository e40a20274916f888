// deploy/kubernetes builds with kustomize (base and every overlay), every object is valid for the
// Kubernetes API (schemas and types from the kubernetes-models npm package), and the manifests keep
// the rules of issue 7: probes, requests and limits, autoscaling, disruption budgets, graceful
// termination, secrets referenced and never inlined.
import { variablesReadByCode } from './env-vars.js';
import {
  build,
  describeObject,
  kustomizations,
  schemaProblems,
  unknownFieldProblems,
  type K8sObject,
} from './k8s.js';

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string }; configMapKeyRef?: unknown };
}
interface Probe {
  httpGet?: { path: string; port: string | number };
}
interface Container {
  name: string;
  image: string;
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  ports?: { name?: string; containerPort: number }[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  lifecycle?: { preStop?: unknown };
  volumeMounts?: { name: string; mountPath: string }[];
  securityContext?: { allowPrivilegeEscalation?: boolean; readOnlyRootFilesystem?: boolean };
}
interface PodSpec {
  containers: Container[];
  volumes?: { name: string; secret?: { secretName: string } }[];
  terminationGracePeriodSeconds?: number;
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
}
type Workload = K8sObject & {
  spec: {
    template: { spec: PodSpec };
    selector?: { matchLabels: Record<string, string> };
    replicas?: number;
  };
};

const workers = ['rhythm-workflows', 'rhythm-notifier'];
const workerShutdownGraceSeconds = 30; // services/*/src/worker.ts: shutdownGraceTime
const sensitive = /SECRET|PASSWORD|API_KEY|TOKEN|DATABASE_URL|_KEY$/;

describe.each(kustomizations())('deploy/kubernetes/%s', (kustomization) => {
  let objects: K8sObject[];
  const ofKind = <T extends K8sObject>(kind: string) =>
    objects.filter((object) => object.kind === kind) as T[];
  const workloads = () => [...ofKind<Workload>('Deployment'), ...ofKind<Workload>('Job')];
  const containersOf = (workload: Workload) => workload.spec.template.spec.containers;

  beforeAll(() => {
    objects = build(kustomization);
  });

  it('builds, with the api, workflows and notifier Deployments', () => {
    expect(
      ofKind('Deployment')
        .map((deployment) => deployment.metadata.name)
        .sort(),
    ).toEqual(['rhythm-api', 'rhythm-notifier', 'rhythm-workflows']);
  });

  it('validates every object against its Kubernetes JSON Schema', async () => {
    const problems = (await Promise.all(objects.map(schemaProblems))).flat();
    expect(problems).toEqual([]);
  });

  it('uses no field the Kubernetes API does not know (TypeScript types of the API)', () => {
    expect(unknownFieldProblems(objects)).toEqual([]);
  });

  it('never inlines a secret: no Secret objects, sensitive variables from secretKeyRef or a mounted Secret', () => {
    expect(ofKind('Secret').map(describeObject)).toEqual([]);
    for (const workload of workloads()) {
      const pod = workload.spec.template.spec;
      const secretVolumes = new Set(
        (pod.volumes ?? []).filter((volume) => volume.secret).map((volume) => volume.name),
      );
      for (const container of pod.containers) {
        // TEMPORAL_TLS_KEY and the like name a file; fine when that file comes from a Secret volume.
        const secretDirs = (container.volumeMounts ?? [])
          .filter((mount) => secretVolumes.has(mount.name))
          .map((mount) => `${mount.mountPath}/`);
        const fromSecret = (env: EnvVar) =>
          env.valueFrom?.secretKeyRef !== undefined || secretDirs.some((dir) => env.value?.startsWith(dir));
        const inlined = (container.env ?? []).filter((env) => sensitive.test(env.name) && !fromSecret(env));
        expect({ container: container.name, inlined }).toEqual({ container: container.name, inlined: [] });
      }
    }
    const configKeys = ofKind<K8sObject & { data?: Record<string, string> }>('ConfigMap').flatMap((map) =>
      Object.keys(map.data ?? {}),
    );
    expect(configKeys.filter((key) => sensitive.test(key))).toEqual([]);
  });

  it('gives every container liveness and readiness probes, requests and limits, and no root', () => {
    for (const deployment of ofKind<Workload>('Deployment')) {
      const pod = deployment.spec.template.spec;
      expect({
        deployment: deployment.metadata.name,
        runAsNonRoot: pod.securityContext?.runAsNonRoot,
      }).toEqual({ deployment: deployment.metadata.name, runAsNonRoot: true });
      for (const container of pod.containers) {
        const ports = new Set((container.ports ?? []).flatMap((port) => [port.name, port.containerPort]));
        for (const probe of [container.livenessProbe, container.readinessProbe]) {
          expect(probe?.httpGet?.path).toMatch(/^\/(healthz|readyz)$/);
          expect(ports.has(probe!.httpGet!.port)).toBe(true);
        }
        for (const resource of ['cpu', 'memory']) {
          expect(container.resources?.requests?.[resource]).toBeDefined();
          expect(container.resources?.limits?.[resource]).toBeDefined();
        }
        expect(container.securityContext).toMatchObject({
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
        });
      }
    }
  });

  it('lets the workers drain: the kill comes later than their 30 s grace time', () => {
    for (const name of workers) {
      const deployment = ofKind<Workload>('Deployment').find((object) => object.metadata.name === name)!;
      expect(deployment.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThan(
        workerShutdownGraceSeconds,
      );
    }
  });

  it('pauses the API before SIGTERM so that endpoints drop it first', () => {
    const api = ofKind<Workload>('Deployment').find((object) => object.metadata.name === 'rhythm-api')!;
    expect(containersOf(api)[0]!.lifecycle?.preStop).toBeDefined();
    expect(ofKind('Service').map(describeObject)).toEqual(['Service/rhythm-api']);
  });

  it('scales every Deployment with an autoscaler (which alone sets replicas) and bounds disruptions', () => {
    type Hpa = K8sObject & {
      spec: { scaleTargetRef: { kind: string; name: string }; minReplicas: number; maxReplicas: number };
    };
    type Pdb = K8sObject & { spec: { selector: { matchLabels: Record<string, string> } } };
    for (const deployment of ofKind<Workload>('Deployment')) {
      const name = deployment.metadata.name;
      const hpa = ofKind<Hpa>('HorizontalPodAutoscaler').find(
        (object) => object.spec.scaleTargetRef.name === name,
      );
      expect({ name, hpa: hpa?.spec.scaleTargetRef.kind }).toEqual({ name, hpa: 'Deployment' });
      expect(hpa!.spec.minReplicas).toBeGreaterThanOrEqual(2);
      expect(deployment.spec.replicas).toBeUndefined();
      const pdb = ofKind<Pdb>('PodDisruptionBudget').find(
        (object) => object.spec.selector.matchLabels['app.kubernetes.io/name'] === name,
      );
      expect({ name, pdb: pdb?.spec.selector.matchLabels }).toEqual({
        name,
        pdb: deployment.spec.selector!.matchLabels,
      });
    }
  });

  it('sets only variables the services read', () => {
    const known = variablesReadByCode();
    const set = [
      ...workloads().flatMap((workload) =>
        containersOf(workload).flatMap((container) => (container.env ?? []).map((env) => env.name)),
      ),
      ...ofKind<K8sObject & { data?: Record<string, string> }>('ConfigMap').flatMap((map) =>
        Object.keys(map.data ?? {}),
      ),
    ];
    expect(set.filter((name) => !known.has(name))).toEqual([]);
  });
});

describe('deploy/kubernetes/overlays/production', () => {
  let objects: K8sObject[];
  beforeAll(() => {
    objects = build('overlays/production');
  });

  it('runs images from a registry at a fixed tag', () => {
    const images = objects
      .filter((object): object is Workload => object.kind === 'Deployment' || object.kind === 'Job')
      .flatMap((workload) => workload.spec.template.spec.containers.map((container) => container.image));
    for (const image of images)
      expect(image).toMatch(/^[a-z0-9.-]+\.[a-z]+(:\d+)?\/[^:]+:(?!latest$|local$)[\w.-]+$/);
  });

  it('points the services at Temporal Cloud with an API key from the Secret', () => {
    const config = objects.find((object) => object.kind === 'ConfigMap') as K8sObject & {
      data: Record<string, string>;
    };
    expect(config.data.TEMPORAL_ADDRESS).toMatch(/\.(api\.temporal\.io|tmprl\.cloud):7233$/);
    // A Cloud namespace ID is <namespace>.<account>.
    expect(config.data.TEMPORAL_NAMESPACE).toMatch(/^[a-z][a-z0-9-]*\.[a-z0-9]+$/);
    for (const deployment of objects.filter((object): object is Workload => object.kind === 'Deployment')) {
      const apiKey = deployment.spec.template.spec.containers[0]!.env!.find(
        (env) => env.name === 'TEMPORAL_API_KEY',
      );
      expect(apiKey?.valueFrom?.secretKeyRef).toMatchObject({
        name: 'rhythm-secrets',
        key: 'TEMPORAL_API_KEY',
      });
    }
  });
});
