/**
 * The sandbox's constants, without the simulator: the page's first chunks import these, and load the simulator
 * (`./session`) lazily.
 */

/** the scenario the sandbox starts with */
export const DEFAULT_SCENARIO = 'minimal'
/** the seed a fresh sandbox cluster is built with */
export const DEFAULT_SEED = 1
/**
 * the prompt of a new session (home directory, no subshell): the terminal paints it before the simulator has
 * loaded (`session.test.ts` checks it against the simulator's own)
 */
export const INITIAL_PROMPT = '[you@bastion ~]$ '
