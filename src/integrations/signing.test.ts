// Every published vector of shared/research/vectors.md for the vendors we support, byte for byte.
import t from 'tap'
import { rpcCanonicalQuery, rpcSignature, v3Signature } from './sms/aliyun-signing.js'
import { tc3Signature } from './sms/tencent-signing.js'
import { wdtClassicPack, wdtClassicSign, wdtQjbSign } from './erp/wdt-signing.js'
import { javaUrlEncode, kuaidi100PrintSign, kuaidi100PushSign, kuaidi100QuerySign, sfMsgDigest } from './courier/courier-signing.js'
import { signWebhook } from '../modules/webhooks/webhook-signing.js'

t.test('Aliyun RPC v1 (HMAC-SHA1)', async (t) => {
  const a = rpcSignature('GET', {
    AccessKeyId: 'testid', Action: 'DescribeRegions', Format: 'XML', SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf', SignatureVersion: '1.0', Timestamp: '2016-02-23T12:46:24Z', Version: '2014-05-26',
  }, 'testsecret')
  t.equal(a.stringToSign, 'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26')
  t.equal(a.signature, 'OLeaidS1JvxuMvnyHOwuJ+uX5qY=', '1a DescribeRegions')

  const b = { AccessKeyId: 'testid', Action: 'DescribeDedicatedHosts', Format: 'JSON', RegionId: 'cn-beijing', SignatureMethod: 'HMAC-SHA1', SignatureNonce: 'edb2b34af0af9a6d14deaf7c1a5315eb', SignatureVersion: '1.0', Timestamp: '2023-03-13T08:34:30Z', Version: '2014-05-26' }
  t.equal(rpcCanonicalQuery(b), 'AccessKeyId=testid&Action=DescribeDedicatedHosts&Format=JSON&RegionId=cn-beijing&SignatureMethod=HMAC-SHA1&SignatureNonce=edb2b34af0af9a6d14deaf7c1a5315eb&SignatureVersion=1.0&Timestamp=2023-03-13T08%3A34%3A30Z&Version=2014-05-26')
  t.equal(rpcSignature('GET', b, 'testsecret').signature, '9NaGiOspFP5UPcwX8Iwt2YJXXuk=', '1b DescribeDedicatedHosts')

  t.equal(rpcSignature('GET', {
    AccessKeyId: 'testId', Action: 'SendSms', Format: 'XML', OutId: '123', PhoneNumbers: '15300000001', RegionId: 'cn-hangzhou',
    SignName: '阿里云短信测试专用', SignatureMethod: 'HMAC-SHA1', SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466', SignatureVersion: '1.0',
    TemplateCode: 'SMS_71390007', TemplateParam: '{"customer":"test"}', Timestamp: '2017-07-12T02:42:19Z', Version: '2017-05-25',
  }, 'testSecret').signature, 'zJDF+Lrzhj/ThnlvIToysFRq6t4=', '1c SendSms with a Chinese signature name and a JSON value')
})

t.test('Aliyun V3 (ACS3-HMAC-SHA256)', async (t) => {
  const r = v3Signature({
    method: 'POST', path: '/', body: '',
    query: { ImageId: 'win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd', RegionId: 'cn-shanghai' },
    headers: {
      host: 'ecs.cn-shanghai.aliyuncs.com', 'x-acs-action': 'RunInstances', 'x-acs-version': '2014-05-26',
      'x-acs-date': '2023-10-26T10:22:32Z', 'x-acs-signature-nonce': '3156853299f313e23d1673dc12e1703d',
    },
  }, 'YourAccessKeyId', 'YourAccessKeySecret')
  t.equal(r.hashedCanonicalRequest, '7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259')
  t.equal(r.signature, '06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0')
  t.equal(r.authorization, 'ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0')
})

t.test('Tencent Cloud TC3-HMAC-SHA256', async (t) => {
  const payload = '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}'
  const a = tc3Signature({ service: 'cvm', host: 'cvm.tencentcloudapi.com', timestamp: 1551113065, payload, action: 'DescribeInstances' }, `AKID${'*'.repeat(32)}`, '*'.repeat(32))
  t.equal(a.hashedCanonicalRequest, '7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84')
  t.equal(a.secretDate, 'da98fb70dcf6b112dc21038d1eeeb3a95c74b4dcb12c1131f864f6066bd02be0')
  t.equal(a.secretService, '8d70cbefb03939f929db64d32dc2ba89b1095620119fe3e050e2b18c5bd2752f')
  t.equal(a.secretSigning, 'b596b923aad85185e2d1f6659d2a062e0a86731226e021e61bfe06f7ed05f5af')
  t.equal(a.signature, '10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f', '3a current doc')

  const b = tc3Signature({ service: 'cvm', host: 'cvm.tencentcloudapi.com', timestamp: 1551113065, payload }, 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE', 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE')
  t.equal(b.hashedCanonicalRequest, '5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031')
  t.equal(b.authorization, 'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168', '3b older doc')

  const c = tc3Signature({ service: 'cvm', host: 'cvm.tencentcloudapi.com', timestamp: 1551113065, payload }, 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******', 'Gu5t9xGARNpq86cd98joQYCN3*******')
  t.equal(c.signature, '2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c', '3c intermediate revision')
})

t.test('Wangdiantong classic and 旗舰版', async (t) => {
  const params = { appkey: 'test2-xx', page_no: '0', end_time: '2016-08-01 13:00:00', start_time: '2016-08-01 12:00:00', page_size: '40', sid: 'test2', timestamp: '1470042310' }
  t.equal(wdtClassicPack(params), '06-appkey:0008-test2-xx;08-end_time:0019-2016-08-01 13:00:00;07-page_no:0001-0;09-page_size:0002-40;03-sid:0005-test2;10-start_time:0019-2016-08-01 12:00:00;09-timestamp:0010-1470042310')
  t.equal(wdtClassicSign(params, '12345'), 'ad4e6fe037ea6e3ba4768317be9d1309')
  // Self-computed pin (no published non-ASCII vector): lengths count characters, not bytes.
  t.equal(wdtClassicSign({ appkey: 'test2-xx', shop_name: '测试店铺', sid: 'test2', timestamp: '1470042310' }, '12345'), 'b77b4b5ee8a2eb25d40643f2b04e1a21')

  t.equal(wdtQjbSign({ a: '1', b: '2' }, 's'), '5ee29085af57d942f21f1c5ba3c2a90a')
  t.equal(wdtQjbSign({ c: 'b2c', b: '1' }, 'testsecret'), '4176bfbb890d63280f137053be381691')
  t.equal(wdtQjbSign({ body: '[]', key: 'wdt_test', method: 'system.Core.now', salt: 'dd', sid: 'wdtapi3', timestamp: '100', v: '1.0' }, 'aa'), 'b5745bf1f4721a0d16e9a68cb7513032')
  t.equal(wdtQjbSign({ a: '1', sign: '其他值也不影响结果' }, 's'), '585b98956d9738edec5cbd8443f7a228')
})

t.test('SF Express msgDigest and Kuaidi100 signs', async (t) => {
  t.equal(sfMsgDigest('{"language":"zh-CN","orderId":"QIAO-20200618-004"}', '12312334453453', 'fjcg5PGKaNpPSHFAZ4QsCOkV71R3zVci'), 'IIKJtuLVzoFTu4kHI8M8vA==')
  t.equal(javaUrlEncode("中文 测试 é~*!'()"), '%E4%B8%AD%E6%96%87+%E6%B5%8B%E8%AF%95+%C3%A9%7E*%21%27%28%29')
  // Kuaidi100 publishes no vector; these are the research's self-computed pins.
  t.equal(kuaidi100QuerySign('{"com":"yuantong","num":"12345678"}', 'testkey', 'testcustomer'), '04AE2AFD21F837154565281D084CA95D')
  t.equal(kuaidi100QuerySign('{"com":"yuantong","num":"12345678","from":"广东深圳","to":"北京朝阳"}', 'testkey', 'testcustomer'), '9FEC857CC2D6366A65CA8B82DF9E677F')
  t.equal(kuaidi100PrintSign('{"kuaidicom":"zhongtong","printType":"CLOUD"}', '1700000000000', 'testkey', 'testsecret'), '01B4CAB7EA4F8BA7F1E2297D41C5E338')
  t.equal(kuaidi100PushSign('{"status":"polling","message":"","lastResult":{"com":"yuantong","nu":"12345678"}}', 'testsalt'), '07C4FBE585130C981C83F19D079C7299')
})

t.test('Standard Webhooks', async (t) => {
  t.equal(signWebhook('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}'), 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=')
})
