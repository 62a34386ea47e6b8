// What a courier push says (pure functions): only a sign delivers; SF's XML route push reads as
// its JSON one does; anything else is refused.
import t from 'tap'
import { groupSfRoutes, kuaidi100Signed, parseKuaidi100, parseSfPush, parseSfXml, sfXmlAnswer } from './tracking.parse.js'

t.test('Kuaidi100 states: 3 签收 and its sub-states deliver; returns (4 退签, 6 退回, 14 拒签) do not, ischeck or not', async (t) => {
  for (const s of ['3', '301', '302', '303', '304']) t.ok(kuaidi100Signed(s), `state ${s} is a sign`)
  for (const s of ['0', '1', '2', '4', '401', '5', '6', '7', '8', '10', '14', '1401', undefined]) t.notOk(kuaidi100Signed(s), `state ${s} is not`)
  const returned = parseKuaidi100(JSON.stringify({ status: 'shutdown', message: '', lastResult: { nu: 'YT1', com: 'yuantong', state: '4', ischeck: '1', data: [{ ftime: '2026-11-24 10:00:00', context: '已退签' }] } }))
  t.match(returned, { waybill: 'YT1', signed: false, status: 'shutdown', company: 'yuantong' }, 'ischeck=1 on a return is not a sign')
  const abort = parseKuaidi100(JSON.stringify({ status: 'abort', message: '3天查询无记录', lastResult: { nu: 'YT2', state: '0', data: [] } }))
  t.match(abort, { waybill: 'YT2', status: 'abort', message: '3天查询无记录', lines: [] })
  t.equal(parseKuaidi100('not json'), null)
  t.equal(parseKuaidi100(JSON.stringify({ lastResult: {} })), null, 'no waybill')
})

// RoutePushService as SF documents it (https://www.showdoc.com.cn/hnqiao/9157102515696868).
const SF_XML = `<?xml version="1.0" encoding="UTF-8"?>
<Request service="RoutePushService" lang="zh-CN">
<Body>
<WaybillRoute id="10001" mailno="SF1400000001" orderid="KQ2026112400001" acceptTime="2026-11-24 08:00:00" acceptAddress="深圳" remark="顺丰速运 已收取快件" opCode="50"/>
<WaybillRoute id="10002" mailno="SF1400000001" orderid="KQ2026112400001" acceptTime="2026-11-24 18:00:00" acceptAddress="北京" remark="已签收,感谢使用顺丰" opCode="80"/>
</Body>
</Request>`

t.test('SF XML route push: the same routes as the JSON push; one route is an array too', async (t) => {
  const routes = parseSfXml(SF_XML)!
  t.same(groupSfRoutes(routes), [{ waybill: 'SF1400000001', signed: true, lines: [
    { time: '2026-11-24 08:00:00', text: '深圳 顺丰速运 已收取快件' }, { time: '2026-11-24 18:00:00', text: '北京 已签收,感谢使用顺丰' },
  ] }])
  const one = parseSfXml('<Request service="RoutePushService"><Body><WaybillRoute mailno="SF2" acceptTime="2026-11-24 08:00:00" remark="已揽收" opCode="50"/></Body></Request>')!
  t.same(groupSfRoutes(one), [{ waybill: 'SF2', signed: false, lines: [{ time: '2026-11-24 08:00:00', text: '已揽收' }] }])
  const json = parseSfPush(JSON.stringify({ Body: { WaybillRoute: [{ mailno: 'SF3', acceptTime: 't', remark: 'r', opCode: '80' }] } }))!
  t.same(groupSfRoutes(json), [{ waybill: 'SF3', signed: true, lines: [{ time: 't', text: 'r' }] }])
  t.same(groupSfRoutes(parseSfPush(SF_XML)!), groupSfRoutes(routes), 'a stored push is read by its first character')
})

t.test('what is not a route push is refused', async (t) => {
  const dtd = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><Request><Body><WaybillRoute mailno="&b;"/></Body></Request>'
  for (const bad of [dtd, '', '<Request><Body>', '<Other/>', '<Request service="RoutePushService"/>', 'content', '{"Body":{}}', '[]', '{']) t.equal(parseSfPush(bad), null, JSON.stringify(bad))
})

t.test("SF's XML answers: OK, or ERR with a code", async (t) => {
  t.equal(sfXmlAnswer(true), '<?xml version="1.0" encoding="UTF-8"?><Response service="RoutePushService"><Head>OK</Head></Response>')
  t.equal(sfXmlAnswer(false, { code: '4001', message: '无法解析' }), '<?xml version="1.0" encoding="UTF-8"?><Response service="RoutePushService"><Head>ERR</Head><ERROR code="4001">无法解析</ERROR></Response>')
})
