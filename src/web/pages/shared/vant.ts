// The Vant components the pages use, each with its own styles (not the whole 200 kB sheet).
// Forms are van-form: Vant's fields cancel the Enter key outside one.
import type { App } from 'vue'
import { Button, Field, Form, Loading, Step, Steps } from 'vant'
import 'vant/es/button/style/index'
import 'vant/es/field/style/index'
import 'vant/es/form/style/index'
import 'vant/es/loading/style/index'
import 'vant/es/step/style/index'
import 'vant/es/steps/style/index'

export function useVant (app: App): void {
  for (const c of [Button, Field, Form, Loading, Step, Steps]) app.use(c)
}
