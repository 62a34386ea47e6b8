// Error codes of the catalogue (products and their images).
import { appError } from '../../shared/errors.js'

export const productNotFound = appError('product_not_found', 404, '提货商品不存在')
export const productInUse = appError('product_in_use', 409, '该商品已被卡券使用，不能删除，可以下架')
export const uploadInvalid = appError('upload_invalid', 422, '只能上传 JPEG、PNG 或 WebP 图片')
export const uploadTooLarge = appError('upload_too_large', 413, '图片不能超过 5 MB')
export const imageUrlInvalid = appError('image_url_invalid', 422, '图片地址必须是 https 地址或本系统上传的图片')
