// Schema atoms shared by every module.
import { Type, type TSchema } from '@sinclair/typebox'

export const ErrorResponse = Type.Object({
  code: Type.String({ description: 'Stable machine-readable error code' }),
  message: Type.String({ description: 'Human readable (Chinese) message' }),
  request_id: Type.String(),
  details: Type.Optional(Type.Array(Type.Object({
    path: Type.String(), message: Type.String({ description: 'Names the field in Chinese and says what is wrong' }),
    code: Type.Optional(Type.String({ description: 'The kind of problem, where a client may act on it: date_invalid' })),
  }))),
}, { title: 'ErrorResponse' })

/** The error responses every authenticated admin route can give, merged into its response map. */
export const errorResponses = {
  '4xx': ErrorResponse,
  '5xx': ErrorResponse,
} as const

export const Id = Type.Integer({ minimum: 1 })
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) })

/** Timestamps leave the API as ISO-8601 strings in UTC. */
export const Timestamp = Type.String({ format: 'date-time' })
export const NullableTimestamp = Type.Union([Type.Null(), Timestamp])
/** A date-only input: a real calendar day from 2000-01-01 to 2099-12-31 (`x-calendar-date`, src/shared/validation.ts). */
export const DateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', 'x-calendar-date': true, description: 'YYYY-MM-DD, a real day from 2000-01-01 to 2099-12-31' })
/**
 * A customer's reserved delivery date: only its shape here; the reservation rules refuse a day
 * that does not exist or may not be picked with their own code (reserve_date_invalid), which the
 * pickup pages and the open platform's fixed contract rely on.
 */
export const ReserveDateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD; a day the reservation rules do not offer → 422 reserve_date_invalid' })
/** A date-only output. */
export const DateOut = Type.String({ description: 'YYYY-MM-DD' })
/** A labelled date input: `DateField('有效期开始日期')`. */
export const DateField = (label: string, example?: string) => Type.String({ ...DateString, 'x-label': label, ...(example ? { examples: [example] } : {}) })

export const MobilePhone = Type.String({ pattern: '^1[3-9][0-9]{9}$', description: 'Mainland China mobile number', 'x-label': '手机号', 'x-message': '{label}应为 11 位中国大陆手机号' })

/**
 * The schema with the field's Chinese name for validation messages, and optionally the whole
 * message (`{label}` stands for the name): `label(MobilePhone, '联系电话')`.
 */
export function label<T extends TSchema> (schema: T, name: string, message?: string): T {
  return { ...schema, 'x-label': name, ...(message ? { 'x-message': message } : {}) }
}

// Null first: with ajv's coerceTypes a null tried against the type first would become "" (or 0, false) and pass.
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([Type.Null(), schema])

export const OkResponse = Type.Object({ ok: Type.Boolean() })

export function iso (ms: number | null | undefined): string | null {
  return ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString()
}
