// Card numbers (卡号) = prefix + number. Sequential numbers are prefix + (first + i), padded
// to number_length digits, or unpadded from start_number + 1 (起始号: then number_length is
// ignored). Random numbers are prefix + number_length random digits.
import { RandomSource } from './card-secrets.js'

export interface SequentialPlan { mode: 'sequential'; prefix: string; first: bigint; width: number; quantity: number }
export interface RandomPlan { mode: 'random'; prefix: string; length: number; quantity: number }
export type NumberPlan = SequentialPlan | RandomPlan

export function sequentialNumber (plan: SequentialPlan, index: number): string {
  return plan.prefix + (plan.first + BigInt(index)).toString().padStart(plan.width, '0')
}

export function lastOf (plan: SequentialPlan): bigint {
  return plan.first + BigInt(plan.quantity - 1)
}

/** Does a sequence stay within its width (its last number has at most `width` digits)? Unpadded ones (width 0) have none. */
export function fitsWidth (plan: SequentialPlan): boolean {
  return plan.width === 0 || lastOf(plan) < 10n ** BigInt(plan.width)
}

/**
 * May `quantity` random numbers of `length` digits be drawn? At most 10 % of the number space:
 * more would make numbers easy to guess and slow to draw.
 */
export function randomSpaceFits (length: number, quantity: number): boolean {
  return BigInt(quantity) * 10n <= 10n ** BigInt(length)
}

/**
 * The plan's numbers as ranges of one string length each: within one length, string order
 * is numeric order, so each range can be checked against the card_no index.
 */
export function sameLengthRanges (plan: SequentialPlan): Array<{ from: string; to: string; length: number }> {
  const out: Array<{ from: string; to: string; length: number }> = []
  let lo = plan.first
  const last = lastOf(plan)
  while (lo <= last) {
    const digits = Math.max(plan.width, lo.toString().length)
    const maxOfLength = 10n ** BigInt(digits) - 1n
    const hi = last < maxOfLength ? last : maxOfLength
    out.push({
      from: plan.prefix + lo.toString().padStart(plan.width, '0'),
      to: plan.prefix + hi.toString().padStart(plan.width, '0'),
      length: plan.prefix.length + digits,
    })
    lo = hi + 1n
  }
  return out
}

/** Is `cardNo` one of the plan's numbers? */
export function inPlan (plan: SequentialPlan, cardNo: string): boolean {
  if (!cardNo.startsWith(plan.prefix)) return false
  const rest = cardNo.slice(plan.prefix.length)
  if (!/^[0-9]+$/.test(rest)) return false
  if (rest.length !== Math.max(plan.width, BigInt(rest).toString().length)) return false
  const n = BigInt(rest)
  return n >= plan.first && n <= lastOf(plan)
}

/** Two sequential plans with the same prefix share a number when some n in both ranges pads alike. */
export function plansOverlap (a: SequentialPlan, b: SequentialPlan): boolean {
  if (a.prefix !== b.prefix) return false
  let lo = a.first > b.first ? a.first : b.first
  const hi = lastOf(a) < lastOf(b) ? lastOf(a) : lastOf(b)
  if (a.width !== b.width) {
    // Padded to different widths, only numbers at least as long as the wider width coincide.
    const min = 10n ** BigInt(Math.max(a.width, b.width) - 1)
    if (lo < min) lo = min
  }
  return lo <= hi
}

/** Random numbers, unique within the generator's lifetime (the database guards the rest). */
export class RandomNumbers {
  private readonly seen = new Set<string>()
  constructor (private readonly plan: RandomPlan, private readonly random = new RandomSource()) {}

  next (): string {
    for (;;) {
      const no = this.plan.prefix + this.random.string(this.plan.length, '0123456789')
      if (!this.seen.has(no)) {
        this.seen.add(no)
        return no
      }
    }
  }

  forget (no: string): void { this.seen.delete(no) }
}
