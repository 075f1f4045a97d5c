/** Public entry point of the virtual shell. */
export { Shell, type ShellOptions, type RunIO } from './interpreter'
export { VirtualFs, FsError, type FsJson, type FsStat } from './vfs'
export { isComplete, splitCommands, parse, ShellSyntaxError } from './parser'
export { createDefaultCommands } from './commands/index'
export { BufferStream } from './streams'
export type * from './types'
