// What a validation error says. Schemas carry, beside their rules, the field's Chinese name
// (`x-label`) and optionally the whole message for a field whose rule is not said well by
// its parts (`x-message`, e.g. a pattern; `{label}` in it stands for the label); the error mapper turns ajv's errors into
// "<名称><what is wrong>" per field, never schema text (`应当匹配模式 "^([A-Za-z1-9]…"`, `anyOf`).
// Date-only fields use `x-calendar-date`: a real day of the calendar within DATE_MIN…DATE_MAX.
import type { Ajv, ErrorObject } from 'ajv'
import localizeModule from 'ajv-i18n'
import { DATE_MAX, DATE_MIN, isCalendarDayInRange } from './dates.js'
import type { ErrorDetail } from './errors.js'

// CommonJS module.exports holds the languages; its declarations describe an ES default export.
const localizeZh = (localizeModule as unknown as Record<string, (errors: unknown[]) => void>).zh

/** Registers the annotation keywords and the calendar-date check on Fastify's ajv instances. */
export function kaquanAjvKeywords (ajv: Ajv): Ajv {
  ajv.addKeyword({ keyword: 'x-label', schemaType: 'string' })
  ajv.addKeyword({ keyword: 'x-message', schemaType: 'string' })
  ajv.addKeyword({
    keyword: 'x-calendar-date', type: 'string', schemaType: 'boolean', errors: false,
    validate: (on: boolean, data: string) => !on || isCalendarDayInRange(data),
  })
  return ajv
}

export const DATE_INVALID_MESSAGE = `不是有效的日期，应为 ${DATE_MIN} 至 ${DATE_MAX} 之间真实存在的日期（YYYY-MM-DD）`

type Item = Partial<ErrorObject> & { instancePath?: string; keyword?: string; params?: Record<string, unknown>; parentSchema?: unknown; message?: string }
type Schema = Record<string, unknown>

function annotation (schema: unknown, key: 'x-label' | 'x-message', depth = 0): string | undefined {
  if (!schema || typeof schema !== 'object' || depth > 3) return undefined
  const s = schema as Schema
  if (typeof s[key] === 'string') return s[key] as string
  for (const k of ['anyOf', 'oneOf', 'allOf']) {
    for (const sub of (Array.isArray(s[k]) ? s[k] as unknown[] : [])) {
      const found = annotation(sub, key, depth + 1)
      if (found) return found
    }
  }
  return undefined
}

function pathOf (v: Item): string {
  let path = v.instancePath ?? ''
  if (v.keyword === 'required' && typeof v.params?.missingProperty === 'string') path += `/${v.params.missingProperty}`
  if (v.keyword === 'additionalProperties' && typeof v.params?.additionalProperty === 'string') path += `/${v.params.additionalProperty}`
  return path
}

/** The schema of the field an error is about (for `required`, the missing property's). */
function fieldSchema (v: Item): unknown {
  const parent = v.parentSchema as Schema | undefined
  if (v.keyword === 'required' && parent && typeof v.params?.missingProperty === 'string') {
    return (parent.properties as Schema | undefined)?.[v.params.missingProperty]
  }
  return parent
}

const TYPE_NAMES: Record<string, string> = { integer: '整数', number: '数字', string: '文字', boolean: '是或否（true/false）', array: '列表', object: '对象', null: '空' }

/** "<label><what is wrong>" for one ajv error. */
function reason (label: string, v: Item): string {
  const p = v.params ?? {}
  const n = (k: string) => p[k] as number
  switch (v.keyword) {
    case 'required': return `请填写${label}`
    case 'type': return `${label}应为${TYPE_NAMES[String(p.type)] ?? String(p.type)}`
    case 'minLength': return n('limit') <= 1 ? `请填写${label}` : `${label}至少 ${n('limit')} 个字符`
    case 'maxLength': return `${label}最多 ${n('limit')} 个字符`
    case 'minimum': return `${label}不能小于 ${n('limit')}`
    case 'exclusiveMinimum': return `${label}应大于 ${n('limit')}`
    case 'maximum': return `${label}不能大于 ${n('limit')}`
    case 'exclusiveMaximum': return `${label}应小于 ${n('limit')}`
    case 'minItems': return n('limit') <= 1 ? `请至少选择一项${label}` : `${label}至少 ${n('limit')} 项`
    case 'maxItems': return `${label}最多 ${n('limit')} 项`
    case 'uniqueItems': return `${label}不能有重复项`
    case 'minProperties': return `${label}不能为空，请至少填写一项`
    case 'pattern': case 'format': return `${label}格式不正确`
    case 'x-calendar-date': return `${label}${DATE_INVALID_MESSAGE}`
    case 'enum': return `${label}只能是 ${(p.allowedValues as unknown[] ?? []).map(String).join('、')}`
    case 'additionalProperties': return `不支持的字段 ${String(p.additionalProperty)}`
    default: return `${label}不正确`
  }
}

const isNoise = (v: Item) => v.keyword === 'anyOf' || v.keyword === 'oneOf' || (v.keyword === 'type' && v.params?.type === 'null')

/**
 * One detail per field. A union's own errors (`anyOf`, "must be null" from Nullable) are dropped
 * when a branch says more; a literal union's `const` errors become one "只能是 a、b".
 */
export function validationDetails (items: Item[], context: string | undefined): ErrorDetail[] {
  const prefix = context && context !== 'body' ? context : ''
  const groups = new Map<string, Item[]>()
  for (const v of items) {
    const path = pathOf(v)
    const list = groups.get(path) ?? []
    list.push(v)
    groups.set(path, list)
  }
  const paths = [...groups.keys()]
  const details: ErrorDetail[] = []
  for (const [path, group] of groups) {
    const meaningful = group.filter((v) => !isNoise(v))
    // Only union noise here and a branch's error deeper down: the deeper one says it.
    if (meaningful.length === 0 && paths.some((p) => p !== path && p.startsWith(`${path}/`))) continue
    const chosen = meaningful.length ? meaningful : group
    const label = chosen.map((v) => annotation(fieldSchema(v), 'x-label')).find(Boolean) ??
      group.map((v) => annotation(v.parentSchema, 'x-label')).find(Boolean)
    const own = chosen.map((v) => annotation(fieldSchema(v), 'x-message')).find(Boolean) ??
      group.map((v) => annotation(v.parentSchema, 'x-message')).find(Boolean)
    const first = chosen[0]
    const date = chosen.some((v) => v.keyword === 'x-calendar-date')
    let message: string
    if (first.keyword === 'additionalProperties') {
      message = reason('', first)
    } else if (!label && !own && first.keyword !== 'required') {
      // An unlabelled field: ajv's own Chinese, as before (one message per field).
      const copy = chosen.filter((v) => v.keyword !== 'const').map((v) => ({ ...v }))
      const consts = chosen.filter((v) => v.keyword === 'const')
      if (date) message = `日期${DATE_INVALID_MESSAGE}`
      else if (consts.length && !copy.length) message = `只能是 ${consts.map((v) => String(v.params?.allowedValue)).join('、')}`
      else {
        localizeZh(copy)
        message = copy[0]?.message ?? '不合法'
      }
    } else if (first.keyword === 'required') {
      message = reason(label ?? ` ${path.split('/').pop() ?? ''}`, first)
    } else if (own) {
      message = own.replaceAll('{label}', label ?? '')
    } else {
      const consts = chosen.filter((v) => v.keyword === 'const')
      const l = label!
      if (date) message = reason(l, chosen.find((v) => v.keyword === 'x-calendar-date')!)
      else if (consts.length === chosen.length) message = `${l}只能是 ${consts.map((v) => String(v.params?.allowedValue)).join('、')}`
      else message = reason(l, chosen.find((v) => v.keyword !== 'const') ?? first)
    }
    details.push({ path: `${prefix}${path}` || '/', message, ...(date ? { code: 'date_invalid' } : {}) })
  }
  return details
}
