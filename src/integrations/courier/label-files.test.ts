// Which label files are read and what they are taken for: SF's object store and Kuaidi100's own
// hosts only (vendor answers name them, never a merchant), and a file's kind by its first bytes.
import t from 'tap'
import { isAllowedEndpoint } from '../vendor-endpoints.js'
import { sniffLabel } from './kuaidi100-print.js'

t.test('label file hosts: SF\'s object store, Kuaidi100\'s hosts, nothing else', async (t) => {
  const cases: Array<['sf_file' | 'kuaidi100_file', string, boolean]> = [
    // The host of every published SF cloud-print answer (with its explicit :443).
    ['sf_file', 'https://eos-scp-core-shenzhen-futian1-oss.sf-express.com:443/v1.2/AUTH_EOS-SCP-CORE/print-file-sbox/a.pdf', true],
    ['sf_file', 'https://eos-scp-core-shanghai-1-oss.sf-express.com/a.pdf', true],
    ['sf_file', 'http://eos-scp-core-shenzhen-futian1-oss.sf-express.com/a.pdf', false],
    ['sf_file', 'https://bspgw.sf-express.com/a.pdf', false],
    ['sf_file', 'https://eos-scp-core-x-oss.sf-express.com.evil.example/a.pdf', false],
    ['kuaidi100_file', 'https://api.kuaidi100.com/label/getImage/T1', true],
    ['kuaidi100_file', 'http://cdn.kuaidi100.com/a.png', true],
    ['kuaidi100_file', 'https://kuaidi100.com.evil.example/a.png', false],
    ['kuaidi100_file', 'https://evilkuaidi100.com/a.png', false],
  ]
  for (const [vendor, url, allowed] of cases) t.equal(isAllowedEndpoint(vendor, url, []), allowed, `${vendor} ${url}`)
})

t.test('a label file is a PDF, a PNG or a JPEG by its first bytes; anything else is not printable', async (t) => {
  t.equal(sniffLabel(Buffer.from('%PDF-1.7\n…')), 'application/pdf')
  t.equal(sniffLabel(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])), 'image/png')
  t.equal(sniffLabel(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16])), 'image/jpeg')
  t.equal(sniffLabel(Buffer.from('<!DOCTYPE html><html>')), null, 'an HTML label')
  t.equal(sniffLabel(Buffer.alloc(0)), null)
})
