// Types of scripts/api-types.mjs, for the test that imports it.
export const OPENAPI_FILE: string
export const API_TYPES_FILE: string
export function generateApiTypes (openapi?: string): Promise<string>
