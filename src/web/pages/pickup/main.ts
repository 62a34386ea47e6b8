import { createApp } from 'vue'
import '../shared/base.css'
import { useVant } from '../shared/vant.js'
import App from './App.vue'
import { PICKUP_STORE, createPickupStore } from './store.js'

const app = createApp(App)
useVant(app)
app.provide(PICKUP_STORE, createPickupStore())
app.mount('#app')
