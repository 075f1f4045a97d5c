/** Full-output tests of the reading verbs (describe, logs, rsh/exec, wait, explain, api-resources, version, status). */
import { describe, expect, it } from 'vitest'
import { createRunSession, runInSession } from '../../runner/run-script'
import { addRegistryPod } from './reading-fixture'

async function run(command: string) {
  const s = createRunSession({ scenario: 'minimal' })
  addRegistryPod(s)
  const [r] = await runInSession(s, command)
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
}

const CASES: { command: string; stdout: string; stderr: string; exitCode: number }[] = [
  { command: "oc describe pod image-registry-6c4dbbcdbb-9bl8w -n openshift-image-registry", stdout: "Name:             image-registry-6c4dbbcdbb-9bl8w\nNamespace:        openshift-image-registry\nPriority:         0\nService Account:  registry\nNode:             worker-0/192.168.126.51\nStart Time:       Tue, 14 Mar 2023 11:00:00 +0000\nLabels:           docker-registry=default\nAnnotations:      <none>\nStatus:           Running\nIP:               10.131.0.20\nIPs:\n  IP:  10.131.0.20\nContainers:\n  registry:\n    Container ID:   cri-o://abc\n    Image:          quay.io/openshift-release-dev/ocp-v4.0-art-dev@sha256:9a1b\n    Image ID:       img@sha\n    Port:           5000/TCP\n    Host Port:      0/TCP\n    State:          Running\n      Started:      Tue, 14 Mar 2023 11:00:00 +0000\n    Ready:          True\n    Restart Count:  0\n    Environment:\n      REGISTRY_STORAGE:      filesystem\n      REGISTRY_HTTP_SECRET:  <set to the key 'REGISTRY_HTTP_SECRET' in secret 'image-registry-private-configuration'>  Optional: false\n    Mounts:\n      /registry from registry-storage (rw)\nConditions:\n  Type    Status\n  Ready   True \nVolumes:\n  registry-storage:\n    Type:        PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:   ocs4registry\n    ReadOnly:    false\nQoS Class:       BestEffort\nNode-Selectors:  <none>\nTolerations:     node.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n                 node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\nEvents:          <none>\n", stderr: "", exitCode: 0 },
  { command: "oc describe pvc ocs4registry -n openshift-image-registry", stdout: "Name:          ocs4registry\nNamespace:     openshift-image-registry\nStorageClass:  ocs-storagecluster-cephfs\nStatus:        Bound\nVolume:        pvc-5e2c9a7e-3f1b-4c1e-9d7a-2b6f0c8e1a44\nLabels:        <none>\nAnnotations:   <none>\nFinalizers:    [kubernetes.io/pvc-protection]\nCapacity:      100Gi\nAccess Modes:  RWX\nVolumeMode:    Filesystem\nUsed By:       image-registry-6c4dbbcdbb-9bl8w\nEvents:        <none>\n", stderr: "", exitCode: 0 },
  { command: "oc describe pv", stdout: "Name:            pvc-5e2c9a7e-3f1b-4c1e-9d7a-2b6f0c8e1a44\nLabels:          <none>\nAnnotations:     <none>\nFinalizers:      [kubernetes.io/pv-protection]\nStorageClass:    ocs-storagecluster-cephfs\nStatus:          Bound\nClaim:           openshift-image-registry/ocs4registry\nReclaim Policy:  Delete\nAccess Modes:    RWX\nVolumeMode:      Filesystem\nCapacity:        100Gi\nNode Affinity:   <none>\nMessage:         \nSource:\n    Type:              CSI (a Container Storage Interface (CSI) volume source)\n    Driver:            openshift-storage.cephfs.csi.ceph.com\n    FSType:            \n    VolumeHandle:      0001-0011-openshift-storage-0000000000000001-5b88bd0e-fc09-11e9-9939-0a580a820206\n    ReadOnly:          false\n    VolumeAttributes:  clusterID=openshift-storage\n                       fsName=ocs-storagecluster-cephfilesystem\nEvents:                <none>\n", stderr: "", exitCode: 0 },
  { command: "oc describe secret image-registry-private-configuration -n openshift-image-registry", stdout: "Name:         image-registry-private-configuration\nNamespace:    openshift-image-registry\nLabels:       <none>\nAnnotations:  <none>\n\nType:  Opaque\n\nData\n====\nREGISTRY_HTTP_SECRET:  12 bytes\n", stderr: "", exitCode: 0 },
  { command: "oc describe project openshift-image-registry | grep Status", stdout: "Status:\t\t\tActive\n", stderr: "", exitCode: 0 },
  { command: "oc describe sc nfs-client", stdout: "Name:                  nfs-client\nIsDefaultClass:        Yes\nAnnotations:           storageclass.kubernetes.io/is-default-class=true\nProvisioner:           k8s-sigs.io/nfs-subdir-external-provisioner\nParameters:            archiveOnDelete=false\nAllowVolumeExpansion:  True\nMountOptions:          <none>\nReclaimPolicy:         Delete\nVolumeBindingMode:     Immediate\nEvents:                <none>\n", stderr: "", exitCode: 0 },
  { command: "oc describe pod nope", stdout: "", stderr: "Error from server (NotFound): pods \"nope\" not found\n", exitCode: 1 },
  { command: "oc describe pods/nope", stdout: "", stderr: "Error from server (NotFound): pods \"nope\" not found\n", exitCode: 1 },
  { command: "oc describe", stdout: "", stderr: "You must specify the type of resource to describe. Use \"oc api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee 'oc describe -h' for help and examples\n", exitCode: 1 },
  { command: "oc describe foo", stdout: "", stderr: "error: the server doesn't have a resource type \"foo\"\n", exitCode: 1 },
  { command: "oc describe node worker-0 | tail -12", stdout: "  ---------                   ----                               ------------  ----------  ---------------  -------------  ---\n  openshift-image-registry    image-registry-6c4dbbcdbb-9bl8w    0 (0%)        0 (0%)      0 (0%)           0 (0%)         0s\nAllocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n  Resource           Requests  Limits\n  --------           --------  ------\n  cpu                0 (0%)    0 (0%)\n  memory             0 (0%)    0 (0%)\n  ephemeral-storage  0 (0%)    0 (0%)\n  hugepages-1Gi      0 (0%)    0 (0%)\n  hugepages-2Mi      0 (0%)    0 (0%)\nEvents:              <none>\n", stderr: "", exitCode: 0 },
  { command: "oc describe deploy cluster-image-registry-operator -n openshift-image-registry | head -12", stdout: "Name:                   cluster-image-registry-operator\nNamespace:              openshift-image-registry\nCreationTimestamp:      Tue, 14 Mar 2023 08:00:00 +0000\nLabels:                 <none>\nAnnotations:            config.openshift.io/inject-proxy: cluster-image-registry-operator\n                        deployment.kubernetes.io/revision: 1\n                        include.release.openshift.io/self-managed-high-availability: true\nSelector:               name=cluster-image-registry-operator\nReplicas:               1 desired | 1 updated | 1 total | 1 available | 0 unavailable\nStrategyType:           RollingUpdate\nMinReadySeconds:        0\nRollingUpdateStrategy:  25% max unavailable, 25% max surge\n", stderr: "", exitCode: 0 },
  { command: "oc describe co image-registry | head -8", stdout: "Name:         image-registry\nNamespace:    \nLabels:       <none>\nAnnotations:  <none>\nAPI Version:  config.openshift.io/v1\nKind:         ClusterOperator\nMetadata:\n  Creation Timestamp:  2023-03-14T08:00:00Z\n", stderr: "", exitCode: 0 },
  { command: "oc describe ns openshift-storage", stdout: "Name:         openshift-storage\nLabels:       kubernetes.io/metadata.name=openshift-storage\nAnnotations:  <none>\nStatus:       Active\n\nNo resource quota.\n\nNo LimitRange resource.\n", stderr: "", exitCode: 0 },
  { command: "oc describe pvc -n default", stdout: "", stderr: "No resources found in default namespace.\n", exitCode: 0 },
  { command: "oc logs", stdout: "", stderr: "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'oc logs -h' for help and examples\n", exitCode: 1 },
  { command: "oc logs nope", stdout: "", stderr: "Error from server (NotFound): pods \"nope\" not found\n", exitCode: 1 },
  { command: "oc logs image-registry-6c4dbbcdbb-9bl8w -n openshift-image-registry -c nope", stdout: "", stderr: "Error from server (BadRequest): container nope is not valid for pod image-registry-6c4dbbcdbb-9bl8w\n", exitCode: 1 },
  { command: "oc logs image-registry-6c4dbbcdbb-9bl8w -n openshift-image-registry -p", stdout: "", stderr: "Error from server (BadRequest): previous terminated container \"registry\" in pod \"image-registry-6c4dbbcdbb-9bl8w\" not found\n", exitCode: 1 },
  { command: "oc logs image-registry-6c4dbbcdbb-9bl8w -n openshift-image-registry", stdout: "", stderr: "", exitCode: 0 },
  { command: "oc rsh", stdout: "", stderr: "error: expected 'rsh [-c CONTAINER] [flags] (POD | TYPE/NAME) COMMAND [args...]'.\nPOD or TYPE/NAME is a required argument for the rsh command\nSee 'oc rsh -h' for help and examples\n", exitCode: 1 },
  { command: "oc rsh nope", stdout: "", stderr: "Error from server (NotFound): pods \"nope\" not found\n", exitCode: 1 },
  { command: "oc rsh -n openshift-image-registry -c nope image-registry-6c4dbbcdbb-9bl8w", stdout: "", stderr: "error: container nope not found in pod image-registry-6c4dbbcdbb-9bl8w\n", exitCode: 1 },
  { command: "oc rsh -n openshift-image-registry image-registry-6c4dbbcdbb-9bl8w df -h /registry", stdout: "Filesystem                                                                                                           Size  Used Avail Use% Mounted on\n172.30.107.130:6789,172.30.82.116:6789,172.30.125.23:6789:/volumes/csi/csi-vol-5b88bd0e-fc09-11e9-9939-0a580a820206  100G     0  100G   0% /registry\n", stderr: "", exitCode: 0 },
  { command: "oc rsh -n openshift-image-registry image-registry-6c4dbbcdbb-9bl8w ls /nope", stdout: "", stderr: "ls: cannot access '/nope': No such file or directory\ncommand terminated with exit code 2\n", exitCode: 2 },
  { command: "oc exec -n openshift-image-registry image-registry-6c4dbbcdbb-9bl8w -- hostname", stdout: "image-registry-6c4dbbcdbb-9bl8w\n", stderr: "", exitCode: 0 },
  { command: "oc exec -n openshift-image-registry image-registry-6c4dbbcdbb-9bl8w -- foo", stdout: "", stderr: "time=\"2023-03-14T11:12:00Z\" level=error msg=\"exec failed: unable to start container process: exec: \\\"foo\\\": executable file not found in $PATH\"\ncommand terminated with exit code 255\n", exitCode: 255 },
  { command: "oc exec -n openshift-image-registry image-registry-6c4dbbcdbb-9bl8w", stdout: "", stderr: "error: you must specify at least one command for the container\n", exitCode: 1 },
  { command: "oc wait --for=condition=Available deploy/cluster-image-registry-operator -n openshift-image-registry", stdout: "deployment.apps/cluster-image-registry-operator condition met\n", stderr: "", exitCode: 0 },
  { command: "oc wait --for=condition=Available=false deploy/cluster-image-registry-operator -n openshift-image-registry --timeout=3s", stdout: "", stderr: "error: timed out waiting for the condition on deployments/cluster-image-registry-operator\n", exitCode: 1 },
  { command: "oc wait --for=delete pod/image-registry-6c4dbbcdbb-9bl8w -n openshift-image-registry --timeout=2s", stdout: "", stderr: "error: timed out waiting for the condition on pods/image-registry-6c4dbbcdbb-9bl8w\n", exitCode: 1 },
  { command: "oc wait --for=bogus deploy/x", stdout: "", stderr: "error: unrecognized condition: \"bogus\"\n", exitCode: 1 },
  { command: "oc explain configs.imageregistry.operator.openshift.io.spec.storage | head -3", stdout: "KIND:     Config\nVERSION:  imageregistry.operator.openshift.io/v1\n\n", stderr: "", exitCode: 0 },
  { command: "oc explain pods.spec.foo", stdout: "", stderr: "error: field \"foo\" does not exist\n", exitCode: 1 },
  { command: "oc explain nothing", stdout: "", stderr: "error: the server doesn't have a resource type \"nothing\"\n", exitCode: 1 },
  { command: "oc explain", stdout: "", stderr: "You must specify the type of resource to explain. Use \"oc api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee 'oc explain -h' for help and examples\n", exitCode: 1 },
  { command: "oc api-resources --api-group=imageregistry.operator.openshift.io", stdout: "NAME           SHORTNAMES   APIVERSION                               NAMESPACED   KIND\nconfigs                     imageregistry.operator.openshift.io/v1   false        Config\nimagepruners                imageregistry.operator.openshift.io/v1   false        ImagePruner\n", stderr: "", exitCode: 0 },
  { command: "oc api-resources --namespaced=false -o name | head -3", stdout: "namespaces\nnodes\npersistentvolumes\n", stderr: "", exitCode: 0 },
  { command: "oc api-versions | head -3", stdout: "apps/v1\nbatch/v1\nconfig.openshift.io/v1\n", stderr: "", exitCode: 0 },
  { command: "oc version", stdout: "Client Version: 4.12.0\nKustomize Version: v4.5.7\nServer Version: 4.12.0\nKubernetes Version: v1.25.4+77bec7a\n", stderr: "", exitCode: 0 },
  { command: "oc version --client", stdout: "Client Version: 4.12.0\nKustomize Version: v4.5.7\n", stderr: "", exitCode: 0 },
  { command: "oc status -n openshift-storage", stdout: "In project openshift-storage on server https://api.sandbox.example.com:6443\n\nYou have no services, deployment configs, or build configs.\nRun 'oc new-app' to create an application.\n", stderr: "", exitCode: 0 },
]

describe('reading verbs', () => {
  for (const c of CASES) {
    it(c.command, async () => {
      expect(await run(c.command)).toEqual({ stdout: c.stdout, stderr: c.stderr, exitCode: c.exitCode })
    }, 20_000)
  }

  it('oc rsh opens a pod shell showing the CephFS /registry volume (workshop 004)', async () => {
    const s = createRunSession({ scenario: 'minimal' })
    addRegistryPod(s)
    const r = await runInSession(s, 'oc project openshift-image-registry\noc rsh image-registry-6c4dbbcdbb-9bl8w\ndf -h | grep registry\nmount | grep registry\nfoo\nexit\noc whoami\n')
    const src = '172.30.107.130:6789,172.30.82.116:6789,172.30.125.23:6789:/volumes/csi/csi-vol-5b88bd0e-fc09-11e9-9939-0a580a820206'
    expect(r.map((x) => [x.prompt, x.command, x.stdout, x.stderr, x.exitCode])).toEqual([
      ['$ ', 'oc project openshift-image-registry', 'Now using project "openshift-image-registry" on server "https://api.sandbox.example.com:6443".\n', '', 0],
      ['$ ', 'oc rsh image-registry-6c4dbbcdbb-9bl8w', '', '', 0],
      ['sh-4.4$ ', 'df -h | grep registry', `${src}  100G     0  100G   0% /registry\n`, '', 0],
      ['sh-4.4$ ', 'mount | grep registry', `${src} on /registry type ceph (rw,relatime,name=csi-cephfs-node,secret=<hidden>,acl,mds_namespace=ocs-storagecluster-cephfilesystem)\n`, '', 0],
      ['sh-4.4$ ', 'foo', '', 'sh: foo: command not found\n', 127],
      ['sh-4.4$ ', 'exit', '', 'exit\ncommand terminated with exit code 127\n', 127],
      ['$ ', 'oc whoami', 'kube:admin\n', '', 0],
    ])
  }, 20_000)

  it('oc describe project pads with real tabs (workshop 004)', async () => {
    const r = await run('oc describe project openshift-image-registry | grep Status')
    expect(r).toEqual({ stdout: 'Status:\t\t\tActive\n', stderr: '', exitCode: 0 })
  }, 20_000)

  it('oc logs -f follows on the virtual clock until interrupted', async () => {
    const s = createRunSession({ scenario: 'minimal' })
    addRegistryPod(s)
    const t0 = s.cluster.now()
    s.cluster.logs.append('openshift-image-registry', 'image-registry-6c4dbbcdbb-9bl8w', 'registry', t0, 'time="x" level=info msg="start registry"')
    const [r] = await runInSession(s, 'oc logs -f image-registry-6c4dbbcdbb-9bl8w -n openshift-image-registry --tail=1')
    expect(r.stdout).toBe('time="x" level=info msg="start registry"\n')
    expect(r.exitCode).toBe(0)
    expect(s.cluster.now() - t0).toBeGreaterThanOrEqual(30_000)
  }, 20_000)

  it('oc logs waiting container says ContainerCreating', async () => {
    const s = createRunSession({ scenario: 'minimal' })
    addRegistryPod(s)
    const api = s.cluster.api
    const pod = api.get('pods', 'openshift-image-registry', 'image-registry-6c4dbbcdbb-9bl8w')
    api.delete('pods', 'openshift-image-registry', pod.metadata.name, { gracePeriodSeconds: 0 } as never)
    s.cluster.settle()
    api.create('pods', { ...pod, metadata: { name: pod.metadata.name, namespace: 'openshift-image-registry' }, status: { phase: 'Pending', containerStatuses: [{ name: 'registry', image: 'img', imageID: 'img', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }] } }, { keepStatus: true })
    const r = { ...(await runInSession(s, 'oc logs image-registry-6c4dbbcdbb-9bl8w -n openshift-image-registry'))[0] }
    expect({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }).toEqual({
      stdout: '',
      stderr: 'Error from server (BadRequest): container "registry" in pod "image-registry-6c4dbbcdbb-9bl8w" is waiting to start: ContainerCreating\n',
      exitCode: 1,
    })
  }, 20_000)
})
