// The open platform's issues: `card_issues` (one sale of cards to phone numbers, by an app or by
// an admin's phone list) and `card_issue_items` (which card went to which phone).
import type { Db } from '../../shared/db.js'

export interface IssueRow {
  id: number
  merchant_id: number
  app_id: number | null
  admin_id: number | null
  issue_no: string
  out_order_no: string
  batch_id: number
  status: 'issued' | 'cancelled'
  send_sms: number | boolean
  distributor_id: number | null
  cancel_result: string | null
  created_at: number
  updated_at: number
}

export interface IssueItemRow { issue_id: number; card_id: number; card_no: string; phone: string }

/** The app's issue for its order number (out_order_no is unique per app). */
export async function findIssueByOutOrderNo (db: Db, appId: number, outOrderNo: string): Promise<IssueRow | undefined> {
  return db<IssueRow>('card_issues').where({ app_id: appId, out_order_no: outOrderNo }).first()
}

/** An issue by number, only for the app that made it. */
export async function findAppIssue (db: Db, merchantId: number, appId: number, issueNo: string): Promise<IssueRow | undefined> {
  return db<IssueRow>('card_issues').where({ merchant_id: merchantId, app_id: appId, issue_no: issueNo }).first()
}

export async function insertIssue (db: Db, row: Omit<IssueRow, 'id' | 'cancel_result'>): Promise<number> {
  const [id] = await db('card_issues').insert(row)
  return Number(id)
}

export async function insertIssueItems (db: Db, items: IssueItemRow[]): Promise<void> {
  for (let i = 0; i < items.length; i += 500) await db('card_issue_items').insert(items.slice(i, i + 500))
}

/** The issue is cancelled; the result is kept so that cancelling again answers the same. */
export async function markIssueCancelled (db: Db, id: number, result: object, at: Date): Promise<void> {
  await db('card_issues').where({ id }).update({ status: 'cancelled', cancel_result: JSON.stringify(result), updated_at: at.getTime() })
}
