/**
 * The audit trail's actions as people read them. The list is what the audit log's action
 * filter offers; any other well-formed action can still be searched through the URL.
 * Pure, so the browser can use it too.
 */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'customer.created': 'Customer created',
  'customer.updated': 'Profile updated',
  'customer.deleted': 'Customer deleted',
  'customer.contact_revealed': 'Contact revealed',
  'customer.data_exported': 'Customer data exported',
  'customers.exported': 'Customer list exported',
  'kyc.decided': 'KYC decision',
  'wallet.created': 'Wallet opened',
  'sandbox.credited': 'Sandbox credit',
  'sandbox.debited': 'Sandbox debit',
  'deletion_request.filed': 'Deletion request filed',
  'deletion_request.approved': 'Deletion request approved',
  'deletion_request.rejected': 'Deletion request rejected',
  'api_key.created': 'API key created',
  'api_key.revoked': 'API key revoked',
  'staff.created': 'Staff member added',
  'staff.role_changed': 'Staff role changed',
  'staff.disabled': 'Staff member disabled',
  'staff.enabled': 'Staff member enabled',
};

export const KNOWN_AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS);

/** "deletion_request.filed" → "Deletion request filed" for actions without a label of their own. */
export function auditActionLabel(action: string): string {
  const known = AUDIT_ACTION_LABELS[action];
  if (known) return known;
  const text = action.replaceAll(/[._]/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
