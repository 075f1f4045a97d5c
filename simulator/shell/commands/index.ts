/** The default command set of the virtual shell (the host adds `oc`/`kubectl` on top). */
import type { Command } from '../types'
import { awk } from './awk'
import { echo, printf } from './echo'
import { colon, env, exportCmd, falseCmd, pwd, read, trueCmd, unset } from './env'
import { cat, cp, ls, mkdir, mv, rm, tee, touch } from './files'
import { grep } from './grep'
import { base64, basename, dirname, seq } from './misc'
import { jq } from './jq'
import { sed } from './sed'
import { bracket, test } from './test'
import { cut, head, sort, tail, tr, uniq, wc } from './text'
import { clear, sleep, watch } from './time'
import { xargs } from './xargs'

/** All builtins and tools, keyed by name (`cd`, `exit`, `history`, `which`... are added by the Shell itself). */
export function createDefaultCommands(): Map<string, Command> {
  const all: Command[] = [
    echo, printf, exportCmd, unset, env, read, pwd, trueCmd, colon, falseCmd, test, bracket,
    cat, ls, mkdir, rm, touch, cp, mv, tee, grep, head, tail, wc, sort, uniq, cut, tr,
    base64, seq, basename, dirname, xargs, sleep, watch, clear, sed, awk, jq,
  ]
  return new Map(all.map((c) => [c.name, c]))
}
