// Backups of the embedded SQLite installation: `npm run backup` writes one zip holding a
// consistent copy of the database, taken while the server runs, and the uploaded images;
// `npm run restore` puts it back on a stopped instance. MySQL/MariaDB is backed up with the
// database's own tools (README "Backups").
//
// The copy is `VACUUM INTO` on a connection of its own: one read transaction, so it is the
// database as of one instant, and in WAL mode the server's writers go on meanwhile. (SQLite's
// online backup API restarts whenever another connection writes, so under steady traffic it
// may never finish.) The master key is not in the archive, on purpose: a backup that carries
// its own key gives every card password to whoever gets the file. The manifest records the
// key's fingerprint, and a restore refuses an archive made under another key.
import { createHash } from 'node:crypto'
import { once } from 'node:events'
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { mkdtemp, readFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { ZipArchive } from 'archiver'
import Database from 'better-sqlite3'
import yauzl from 'yauzl'

export const BACKUP_FORMAT = 'kaquan-backup'
const DB_ENTRY = 'kaquan.sqlite'
const MANIFEST = 'manifest.json'
/** What an archive may hold: the database, the manifest, and uploads/{merchant id}/{sha256}.{ext}. */
const UPLOAD_ENTRY = /^uploads\/\d{1,12}\/[0-9a-f]{64}\.(?:jpg|png|webp)$/

export interface BackupManifest {
  format: typeof BACKUP_FORMAT
  version: 1
  created_at: string
  /** The newest migration the database had run. */
  migration: string | null
  /** sha256 of the master key, first 16 hex digits: which key the card passwords need. */
  master_key_fingerprint: string
  tables: Record<string, number>
  uploads: number
}

export class BackupError extends Error {
  override name = 'BackupError'
}

export function keyFingerprint (masterKey: Buffer): string {
  return createHash('sha256').update(masterKey).digest('hex').slice(0, 16)
}

function uploadFiles (dataDir: string): string[] {
  const root = join(dataDir, 'uploads')
  if (!existsSync(root)) return []
  const out: string[] = []
  for (const merchant of readdirSync(root)) {
    const dir = join(root, merchant)
    if (!statSync(dir).isDirectory()) continue
    for (const file of readdirSync(dir)) {
      const entry = `uploads/${merchant}/${file}`
      if (UPLOAD_ENTRY.test(entry)) out.push(entry)
    }
  }
  return out.sort()
}

/**
 * Writes `out` (a zip): the database as of one instant, the uploads, and a manifest. Safe
 * while the server runs on the same file. Returns the manifest.
 */
export async function backupSqlite (opts: { filename: string; dataDir: string; masterKey: Buffer; out: string; now?: Date }): Promise<BackupManifest> {
  if (!existsSync(opts.filename)) throw new BackupError(`no database at ${opts.filename}`)
  const work = await mkdtemp(join(dirname(opts.out), '.kaquan-backup-'))
  try {
    const copy = join(work, DB_ENTRY)
    const source = new Database(opts.filename, { fileMustExist: true })
    try {
      source.pragma('busy_timeout = 10000')
      source.prepare('VACUUM INTO ?').run(copy)
    } finally {
      source.close()
    }
    // Read the figures from the copy, so they describe exactly what the archive holds.
    // The uploads listed once: the manifest counts exactly what the archive holds.
    const uploads = uploadFiles(opts.dataDir)
    const snapshot = new Database(copy, { readonly: true })
    let manifest: BackupManifest
    try {
      const check = snapshot.pragma('quick_check', { simple: true })
      if (check !== 'ok') throw new BackupError(`the copy does not pass SQLite's check: ${String(check)}`)
      const names = (snapshot.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name)
      const tables: Record<string, number> = {}
      for (const name of names) tables[name] = Number((snapshot.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n)
      const migration = names.includes('knex_migrations')
        ? (snapshot.prepare('SELECT name FROM knex_migrations ORDER BY id DESC LIMIT 1').get() as { name: string } | undefined)?.name ?? null
        : null
      manifest = {
        format: BACKUP_FORMAT, version: 1, created_at: (opts.now ?? new Date()).toISOString(), migration,
        master_key_fingerprint: keyFingerprint(opts.masterKey), tables, uploads: uploads.length,
      }
    } finally {
      snapshot.close()
    }
    const partial = `${opts.out}.partial`
    try {
      const file = createWriteStream(partial, { mode: 0o600 })
      const zip = new ZipArchive({ zlib: { level: 6 } })
      zip.pipe(file)
      zip.append(JSON.stringify(manifest, null, 2), { name: MANIFEST })
      zip.file(copy, { name: DB_ENTRY })
      for (const entry of uploads) zip.file(join(opts.dataDir, entry), { name: entry })
      await Promise.all([zip.finalize(), once(file, 'close')])
      renameSync(partial, opts.out)
    } finally {
      rmSync(partial, { force: true })
    }
    return manifest
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

function openZip (path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => yauzl.open(path, { lazyEntries: true, autoClose: false }, (err, zip) => err ? reject(err) : resolve(zip)))
}

/** Extracts the entries an archive may hold into `into`; anything else refuses the archive. */
async function extract (archive: string, into: string): Promise<void> {
  const zip = await openZip(archive)
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject)
      zip.on('end', resolve)
      zip.on('entry', (entry: yauzl.Entry) => {
        const name = entry.fileName
        if (name.endsWith('/')) { zip.readEntry(); return }
        if (name !== DB_ENTRY && name !== MANIFEST && !UPLOAD_ENTRY.test(name)) {
          reject(new BackupError(`not a Kaquan backup: unexpected entry ${JSON.stringify(name)}`))
          return
        }
        zip.openReadStream(entry, (err, stream) => {
          if (err) { reject(err); return }
          const target = join(into, name)
          mkdirSync(dirname(target), { recursive: true, mode: 0o700 })
          pipeline(stream, createWriteStream(target, { mode: 0o600 })).then(() => zip.readEntry(), reject)
        })
      })
      zip.readEntry()
    })
  } finally {
    zip.close()
  }
}

export interface RestoreResult { manifest: BackupManifest; movedAside: string[] }

/**
 * Puts an archive back into `dataDir` (database at `filename`) on a stopped instance. What was
 * there is moved aside (`….before-restore-{time}`), never deleted. Refuses when the database
 * looks in use (its WAL file is there: a running server, or one that did not stop cleanly)
 * unless `force`, and refuses an archive made under another master key.
 */
export async function restoreSqlite (opts: { archive: string; filename: string; dataDir: string; masterKey: Buffer; force?: boolean; now?: Date }): Promise<RestoreResult> {
  if (!existsSync(opts.archive)) throw new BackupError(`no archive at ${opts.archive}`)
  if (!opts.force && existsSync(`${opts.filename}-wal`)) {
    throw new BackupError(`${basename(opts.filename)}-wal exists: stop the server first (or, if it is stopped and did not stop cleanly, pass --force)`)
  }
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 })
  mkdirSync(dirname(opts.filename), { recursive: true, mode: 0o700 })
  const work = await mkdtemp(join(dirname(opts.filename), '.kaquan-restore-'))
  try {
    await extract(opts.archive, work)
    if (!existsSync(join(work, MANIFEST)) || !existsSync(join(work, DB_ENTRY))) throw new BackupError('not a Kaquan backup: the manifest or the database is missing')
    const manifest = JSON.parse(await readFile(join(work, MANIFEST), 'utf8')) as BackupManifest
    if (manifest.format !== BACKUP_FORMAT || manifest.version !== 1) throw new BackupError('not a Kaquan backup of a format this version reads')
    if (manifest.master_key_fingerprint !== keyFingerprint(opts.masterKey)) {
      throw new BackupError('this backup was made under another master key: start with that key (KAQUAN_MASTER_KEY or data/master.key), or no card password can be read')
    }
    const check = new Database(join(work, DB_ENTRY), { readonly: true })
    try {
      const ok = check.pragma('integrity_check', { simple: true })
      if (ok !== 'ok') throw new BackupError(`the archived database does not pass SQLite's check: ${String(ok)}`)
    } finally {
      check.close()
    }
    const stamp = (opts.now ?? new Date()).toISOString().replace(/[:.]/g, '-')
    const movedAside: string[] = []
    for (const f of [opts.filename, `${opts.filename}-wal`, `${opts.filename}-shm`]) {
      if (existsSync(f)) { renameSync(f, `${f}.before-restore-${stamp}`); movedAside.push(`${f}.before-restore-${stamp}`) }
    }
    renameSync(join(work, DB_ENTRY), opts.filename)
    const uploads = join(opts.dataDir, 'uploads')
    if (existsSync(uploads)) { renameSync(uploads, `${uploads}.before-restore-${stamp}`); movedAside.push(`${uploads}.before-restore-${stamp}`) }
    if (existsSync(join(work, 'uploads'))) renameSync(join(work, 'uploads'), uploads)
    return { manifest, movedAside }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

/** Streams a file's sha256 (the CLI prints it, so a copy can be checked later). */
export async function sha256File (path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

