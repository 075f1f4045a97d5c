/** Stable fault ids for troubleshooting practice (switched on by labs or `--fault ID`). */
export const FAULT_IDS = [
  's3-wrong-keys',
  's3-bucket-deleted',
  'pvc-unbound',
  'rwo-two-replicas',
  'nodeselector-impossible',
  'infra-tainted',
  'operator-scaled-down',
  'registry-crashloop',
]
