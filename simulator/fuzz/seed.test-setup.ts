/**
 * The seed of every property test. CI replays one fixed seed, so a merge is never blocked by a case that a random
 * draw happened to find that day; local runs keep fast-check's fresh seed per run to go on exploring. A failure
 * prints its seed, and `FC_SEED=N npm run test:unit` replays it.
 */
import fc from 'fast-check'

const CI_SEED = 20261207
const fromEnv = Number(process.env.FC_SEED)
if (Number.isInteger(fromEnv) && process.env.FC_SEED) fc.configureGlobal({ seed: fromEnv })
else if (process.env.CI) fc.configureGlobal({ seed: CI_SEED })
