// Admin password strength: at least 10 characters (symbols welcome), and not guessable as
// zxcvbn judges it with its common-password dictionary — `password1` or `abcd1234` are
// refused however they are dressed up. (zxcvbn-ts: maintained, used by password managers;
// an estimate of guesses beats a list of character-class rules.)
import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import * as common from '@zxcvbn-ts/language-common'
import { appError } from './errors.js'

export const PASSWORD_MIN = 10
export const PASSWORD_MAX = 128
/** Any printable characters, no control characters; the length is checked with it. */
export const PASSWORD_PATTERN = `^[^\\x00-\\x1f\\x7f]{${PASSWORD_MIN},${PASSWORD_MAX}}$`
/** zxcvbn's score 3: "safely unguessable: moderate protection from offline slow-hash scenario". */
const MIN_SCORE = 3

export const passwordWeak = appError('password_weak', 422, '密码太容易被猜到：请使用至少 10 位、不常见的密码，可以包含字母、数字和符号')

let factory: ZxcvbnFactory | undefined
function zxcvbn (): ZxcvbnFactory {
  // Built on first use: its dictionaries take a few megabytes.
  factory ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs })
  return factory
}

/** Why a password is refused, or null when it is strong enough. `context`: words an attacker knows (username, merchant code). */
export function passwordProblem (password: string, context: string[] = []): string | null {
  if (!new RegExp(PASSWORD_PATTERN).test(password)) return `密码须为 ${PASSWORD_MIN}-${PASSWORD_MAX} 个字符，不能包含控制字符`
  // The username and the merchant code count as known words, like the dictionary's.
  if (zxcvbn().check(password, context.map((w) => w.toLowerCase())).score < MIN_SCORE) return passwordWeak().message
  return null
}

/** 422 password_weak unless the password is strong enough. */
export function assertStrongPassword (password: string, context: string[] = [], path = '/password'): void {
  const problem = passwordProblem(password, context)
  if (problem) throw passwordWeak({ message: problem, details: [{ path, message: problem }] })
}
