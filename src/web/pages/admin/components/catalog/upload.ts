// Product pictures go to POST /api/v1/uploads (multipart field "file"), which checks them by
// content; the same limits are checked here first so a wrong file is refused before it is sent.
import { send } from '../../api.js'

export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp']
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024

/** Why this file cannot be a product picture, or null. */
export function imageProblem (file: { type: string; size: number }): string | null {
  if (!IMAGE_TYPES.includes(file.type)) return '只能上传 JPEG、PNG 或 WebP 图片'
  if (file.size > MAX_IMAGE_BYTES) return '图片不能超过 5 MB'
  return null
}

/** Uploads one picture; its URL as the API answers it. */
export async function uploadImage (file: File): Promise<string> {
  const form = new FormData()
  form.append('file', file, file.name)
  const res = await send('POST', '/api/v1/uploads', form)
  return ((await res.json()) as { url: string }).url
}

/**
 * Our own upload as a path (/uploads/…): the server keeps only https pictures in a description,
 * and a path works wherever the description is shown (the pickup page is served from here).
 */
export function ownPath (url: string): string {
  try {
    const u = new URL(url, location.origin)
    if (/^\/uploads\/[0-9]+\/[0-9a-f]{64}\.(jpg|png|webp)$/.test(u.pathname)) return u.pathname
  } catch {
    // not a URL: kept as it is
  }
  return url
}
