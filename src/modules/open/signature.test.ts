import t from 'tap'
import { bodyHash, canonicalQuery, sign, stringToSign } from './signature.js'
import { signRequest } from './client.js'

// The published vectors of spec/open-platform.md, byte for byte.
const SECRET = 'sk_9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e'
const TS = '1767225600'

t.test('vector 1: POST /open/v1/card-issues', async (t) => {
  const body = '{"out_order_no":"M20260101001","batch_no":"B20260101001","items":[{"phone":"13800138000","quantity":2}],"send_sms":true}'
  t.equal(bodyHash(body), '84b49023fe7eb95afa6c6703a4960280f8047519deb8a9ea2ceb87e1a7d3ace5')
  const toSign = stringToSign('POST', '/open/v1/card-issues', '', TS, '4f9c2b7e1a3d5c6b', body)
  t.equal(toSign, `POST\n/open/v1/card-issues\n\n${TS}\n4f9c2b7e1a3d5c6b\n84b49023fe7eb95afa6c6703a4960280f8047519deb8a9ea2ceb87e1a7d3ace5`)
  t.equal(sign(SECRET, toSign), 'v1=mTz4YxUvDLxm3Wh5sdDT7Q8xL4fUpxYo0Uk7MkXD5vI=')
  const headers = signRequest({ appKey: 'ak_x', appSecret: SECRET, method: 'POST', pathWithQuery: '/open/v1/card-issues', body, timestamp: Number(TS), nonce: '4f9c2b7e1a3d5c6b' })
  t.equal(headers['x-kq-signature'], 'v1=mTz4YxUvDLxm3Wh5sdDT7Q8xL4fUpxYo0Uk7MkXD5vI=')
})

t.test('vector 2: GET /open/v1/orders with a query', async (t) => {
  const query = 'updated_after=2026-01-01T08%3A00%3A00%2B08%3A00&limit=50&cursor='
  t.equal(canonicalQuery(query), 'cursor=&limit=50&updated_after=2026-01-01T08%3A00%3A00%2B08%3A00')
  t.equal(bodyHash(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
  t.equal(sign(SECRET, stringToSign('GET', '/open/v1/orders', query, TS, '0a1b2c3d4e5f6a7b', undefined)), 'v1=dKYSXEyjCom8nTjs4qPHREpjiDQDogGgz+Ed7qmbZdo=')
})

t.test('canonical query rules', async (t) => {
  t.equal(canonicalQuery('b=2&a=3&a=1'), 'a=1&a=3&b=2', 'sorted by name, then value')
  t.equal(canonicalQuery('q=a+b&r=a%2Bb'), 'q=a%20b&r=a%2Bb', 'a plus decodes to a space; a literal plus is %2B')
  t.equal(canonicalQuery('x=%e4%b8%ad&y=~-._'), 'x=%E4%B8%AD&y=~-._', 'upper-case escapes, unreserved kept')
  t.equal(canonicalQuery("s=!'()*"), 's=%21%27%28%29%2A', 'RFC 3986 escapes what encodeURIComponent leaves')
  t.equal(canonicalQuery(''), '')
  t.equal(canonicalQuery('flag'), 'flag=', 'a name without a value is kept, empty')
})
