// Builds the pickup pages (/r/{merchant_code}), the staff pages (/staff) and the merchant console
// (/admin) into dist/web:
//   vite build --config src/web/pages/vite.config.ts      (npm run build:web)
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

const root = fileURLToPath(new URL('.', import.meta.url))

/**
 * Vant's icon font is embedded as a data URL and names a copy on at.alicdn.com as a fallback
 * that no current browser reaches. Nothing may load from a CDN, so the fallback is cut.
 */
function noCdnFonts (): Plugin {
  return {
    name: 'kaquan-no-cdn-fonts',
    transform (code, id) {
      if (!id.includes('.css') || !code.includes('alicdn.com')) return null
      return { code: code.replace(/,\s*url\(["']?(?:https?:)?\/\/at\.alicdn\.com[^)]*\)\s*format\(["']?[a-z0-9-]+["']?\)/g, ''), map: null }
    },
  }
}

export default defineConfig({
  root,
  base: '/web/',
  // <altcha-widget> (the login captcha) is a web component, not a Vue one.
  plugins: [
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('altcha-') } } }),
    noCdnFonts(),
    // The console's Element Plus components (<el-…>) imported where they are used, each with its
    // own styles: a page's chunk carries only what it shows (admin/components.d.ts, written by the
    // build and committed, types them for vue-tsc). Only files under admin/ are scanned,
    // so the pickup and staff pages (Vant) never pull in Element Plus.
    Components({ dirs: [], include: [/[\\/]admin[\\/].*\.vue(?:$|\?vue)/], resolvers: [ElementPlusResolver({ importStyle: 'css' })], dts: fileURLToPath(new URL('admin/components.d.ts', import.meta.url)) }),
  ],
  build: {
    outDir: fileURLToPath(new URL('../../../dist/web', import.meta.url)),
    emptyOutDir: true,
    // .vite/manifest.json: which chunks each page loads (bench:console reads it; never served).
    manifest: true,
    // WeChat's browser and phones a few years old.
    target: 'es2020',
    cssTarget: 'chrome61',
    rolldownOptions: {
      input: {
        pickup: fileURLToPath(new URL('pickup.html', import.meta.url)),
        staff: fileURLToPath(new URL('staff.html', import.meta.url)),
        admin: fileURLToPath(new URL('admin.html', import.meta.url)),
      },
    },
  },
})
