/** The queue's count as shown: exact ("12", "1,000"), or "1,000+" when more than the counted cap wait. */
export function queueCount(q: { total: number; totalCapped: boolean }): string {
  return `${q.total.toLocaleString("en")}${q.totalCapped ? "+" : ""}`;
}
