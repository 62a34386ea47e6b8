/** Mainland mobile numbers in logs, audits and open-API answers: 138****0000. */
export function maskPhone (phone: string | null): string | null {
  return phone && phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : phone
}
