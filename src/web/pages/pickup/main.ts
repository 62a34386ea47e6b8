import { createApp } from 'vue'
import '../shared/base.css'
import { useVant } from '../shared/vant.js'
import App from './App.vue'

const app = createApp(App)
useVant(app)
app.mount('#app')
