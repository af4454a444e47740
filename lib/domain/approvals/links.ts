/** Where an approval opens for a recipient: client users in their portal, staff on the campaign page. */
export function approvalLink(approval: { id: string; campaignId: string }, recipient: { isClient: boolean }): string {
  return recipient.isClient
    ? `/client/approvals/${approval.id}`
    : `/agency/campaigns/${approval.campaignId}?approval=${approval.id}#approvals`;
}
