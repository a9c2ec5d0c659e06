/** What a support or viewer sees on a settings page: a plain refusal, no data. */
export function SettingsNotAllowed() {
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <div
        role="alert"
        className="max-w-xl rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200"
      >
        <p className="font-medium">Only admins can manage settings.</p>
        <p className="mt-1">
          API keys and staff accounts are managed by an admin. Ask one if you need a change.
        </p>
      </div>
    </section>
  );
}
