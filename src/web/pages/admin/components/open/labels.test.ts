// The open platform's words in the console stay in step with the API: every scope an app can
// hold and every event an endpoint can take is explained, and a refused address is said as
// what it is.
import t from 'tap'
import { SCOPES as API_SCOPES } from '../../../../../modules/open/apps.schemas.js'
import { EVENT_TOPICS } from '../../../../../modules/outbox/outbox.repository.js'
import { addressRefused } from '../../../../../shared/outbound.js'
import { EVENTS, SCOPES, eventLabel, failureText } from './labels.js'

t.test('every scope and every event has its Chinese label and explanation', async (t) => {
  t.same(SCOPES.map((s) => s.code), [...API_SCOPES])
  t.same(EVENTS.map((e) => e.code).sort(), [...EVENT_TOPICS].sort())
  t.ok([...SCOPES, ...EVENTS].every((x) => /\p{Script=Han}/u.test(x.label) && /\p{Script=Han}/u.test(x.help)))
  t.equal(eventLabel('webhook.test'), '测试消息')
})

t.test('a delivery\'s failure, explained', async (t) => {
  t.match(failureText(addressRefused().message, null), /不是公网地址.*不会重试/)
  t.equal(failureText('HTTP 500', 500), '对方返回 HTTP 500，非 2xx 视为失败')
  t.match(failureText('timeout after 15 s', null), /15 秒内没有应答/)
  t.match(failureText('network: ECONNREFUSED', null), /无法连接.*ECONNREFUSED/)
  t.equal(failureText(null, 200), '')
})
