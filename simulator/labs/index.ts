/** The lab engine: format types, loader (with schema), check evaluator, and the replay that proves a lab. */
export * from './types'
export { LAB_SCHEMA, labIds, loadLab, loadLabs, type LoadResult } from './loader'
export { mapSource, type LabSource } from './source'
export { describeCheck, evaluateCheck, evaluateStep, kindOf, promqlSeriesCount, PROMQL_DEFAULT_RANGE, questionsOf, type CheckContext, type CheckResult, type StepResult } from './checks'
export { answersFromOutput, startLab, verifyLab, type VerifyResult } from './verify'
export { formatProblem, runVerify, type VerifyLine } from './report'
export { chooseFault, isFaultChoice, labVariant, labVariants } from './variants'
