/**
 * Sandbox mode (test funds through the sandbox endpoints) is on unless SANDBOX=false: the
 * default for the embedded database and for tests. Read on every call, so tests can switch it.
 */
export function isSandbox(): boolean {
  return process.env.SANDBOX !== 'false';
}
