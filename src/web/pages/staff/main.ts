import { createApp } from 'vue'
import '../shared/base.css'
import { useVant } from '../shared/vant.js'
import App from './App.vue'
import { SESSION, createSession } from './session.js'

const app = createApp(App)
useVant(app)
app.provide(SESSION, createSession())
app.mount('#app')
