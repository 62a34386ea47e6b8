import { createApp } from 'vue'
// Element Plus's functions (messages, confirm boxes) are not components: their styles by hand.
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import 'element-plus/es/components/notification/style/css'
import 'element-plus/es/components/loading/style/css'
import './admin.css'
import App from './App.vue'
import { bindSession } from './api.js'
import { router } from './router.js'
import { session, sessionLapsed } from './session.js'

bindSession(() => session.token, sessionLapsed)
createApp(App).use(router).mount('#app')
