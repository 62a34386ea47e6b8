// PATCH beside every settings section's PUT: the body holds only the fields that change. They
// are merged over the stored section (objects field by field, arrays and other values
// replaced, null is a value), then the whole is checked by the PUT's schema and saved by the
// PUT's code, so both refuse the same things and secrets stay kept when omitted.
import type { FastifyRequest } from 'fastify'
import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { validationFailed } from '../../shared/errors.js'
import { validationDetails } from '../../shared/validation.js'

export type DeepPartial<T> = T extends Array<unknown> ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T

type Json = Record<string, unknown>

function partialJson (schema: unknown): unknown {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return schema
  const s = { ...schema as Json }
  // A default would write itself into the patch and overwrite the stored value.
  delete s.default
  if (s.type === 'object' && s.properties) {
    s.properties = Object.fromEntries(Object.entries(s.properties as Json).map(([k, v]) => [k, partialJson(v)]))
    delete s.required
    delete s.minProperties
  }
  for (const k of ['anyOf', 'oneOf']) if (Array.isArray(s[k])) s[k] = (s[k] as unknown[]).map(partialJson)
  return s
}

/** The PATCH body of a section: its PUT schema with every field, at every depth, optional. */
export function patchSchema<T extends TSchema> (put: T, description = 'Only the fields that change; merged over the stored section, then checked as the PUT checks it') {
  const json = partialJson(JSON.parse(JSON.stringify(put))) as Json
  return Type.Unsafe<DeepPartial<Static<T>>>({ ...json, minProperties: 1, description })
}

const isPlain = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The patch over the stored value: objects merged field by field; anything else (arrays, null) replaces. */
export function mergeSection<T> (stored: T, patch: unknown): T {
  if (!isPlain(patch)) return patch as T
  const base: Json = isPlain(stored) ? { ...stored } : {}
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue
    base[k] = isPlain(v) && isPlain(base[k]) ? mergeSection(base[k], v) : v
  }
  return base as T
}

/** The merged section checked by the PUT's schema, with the same messages; throws 422 otherwise. */
export function assertWhole<T extends TSchema> (req: FastifyRequest, put: T, value: unknown): asserts value is Static<T> {
  const validate = req.compileValidationSchema(put, 'body')
  if (!validate(value)) throw validationFailed({ details: validationDetails(validate.errors ?? [], 'body') })
}

/** Merge, check, and hand the whole to the section's PUT. */
export async function patchSection<T extends TSchema, R> (req: FastifyRequest, put: T, stored: unknown, patch: unknown, save: (whole: Static<T>) => Promise<R>): Promise<R> {
  const whole = mergeSection(structuredClone(stored), patch)
  assertWhole(req, put, whole)
  return save(whole)
}
