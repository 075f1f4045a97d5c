/**
 * The Cluster Image Registry Operator, simulated: `installImageRegistryOperator` registers its controllers and
 * world services on a cluster whose scenario has created the operator Deployment and the infrastructure objects.
 */
import type { Cluster } from '../cluster'
import { installS3 } from '../world/s3'
import { installBehaviours } from './behaviour'
import { registryForegroundDeletion } from './foreground'
import { helperControllers } from './helpers'
import { mainController } from './main-controller'
import { prunerController } from './pruner'

/** Registers the operator's controllers, container behaviours and (AWS) the S3 service on `cluster`. */
export function installImageRegistryOperator(cluster: Cluster): void {
  if (cluster.info.platform === 'AWS') installS3(cluster)
  installBehaviours(cluster)
  cluster.register(mainController, ...helperControllers(cluster.profile))
  if (cluster.profile !== '4.0') cluster.register(prunerController)
  // The real garbage collector handles foreground deletion; stand in for it only when the cluster has none.
  if (!cluster.manager.names().some((n) => /garbage/i.test(n))) cluster.register(registryForegroundDeletion)
  cluster.manager.enqueue(mainController.name, 'changes')
}

export { configName, CONFIG_RESOURCE, NS as REGISTRY_NAMESPACE } from './names'
export { S3Service, installS3, s3Service, generateBucketName, type S3Bucket, type S3Key } from '../world/s3'
