// The rule that keeps card passwords where the merchant sent them, without a database: which
// changes to the SMS settings count as sending the texts somewhere else.
import t from 'tap'
import { textsRerouted } from './notifications.service.js'
import { DEFAULT_NOTIFICATIONS, type NotificationsBody, type StoredNotifications } from './notifications.schemas.js'

const OLD: StoredNotifications = {
  ...DEFAULT_NOTIFICATIONS, provider: 'aliyun', card_issued_include_password: true,
  aliyun: { access_key_id: 'LTAI5tKey', secret_enc: 'sealed', endpoint: null },
  templates: { card_issued: { template_id: 'SMS_CARD', params: { no: 'card_no', pwd: 'password' } } },
}
const same: NotificationsBody = { ...OLD, aliyun: { access_key_id: 'LTAI5tKey' }, tencent: null }

t.test('the same provider, account, endpoint and template: not rerouted', async (t) => {
  t.equal(textsRerouted(OLD, same), false)
  t.equal(textsRerouted(OLD, { ...same, aliyun: undefined }), false, 'credentials omitted: kept, not changed')
  t.equal(textsRerouted(OLD, { ...same, sign_name: '新签名', admin_phones: ['13900000001'], limits: { per_minute: 2, per_day: 20 } }), false, 'signature, phones and limits do not move texts')
  t.equal(textsRerouted(OLD, { ...same, templates: { ...same.templates, shipped_customer: { template_id: 'SMS_C', params: {} } } }), false, 'another event\'s template does not either')
})

t.test('another provider, account, secret, endpoint or card-issued template: rerouted', async (t) => {
  t.equal(textsRerouted(OLD, { ...same, provider: 'console' }), true, 'provider')
  t.equal(textsRerouted(OLD, { ...same, aliyun: { access_key_id: 'LTAI5tOther' } }), true, 'account')
  t.equal(textsRerouted(OLD, { ...same, aliyun: { access_key_id: 'LTAI5tKey', access_key_secret: 'new' } }), true, 'a new secret')
  t.equal(textsRerouted(OLD, { ...same, aliyun: { access_key_id: 'LTAI5tKey', endpoint: 'https://sms.example.com/' } }), true, 'endpoint')
  t.equal(textsRerouted(OLD, { ...same, templates: { card_issued: { template_id: 'SMS_OTHER', params: { no: 'card_no', pwd: 'password' } } } }), true, 'card-issued template')
  t.equal(textsRerouted(OLD, { ...same, tencent: { secret_id: 'AKID', sdk_app_id: '1400' } }), true, 'a Tencent account set up beside it')
})
