const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone: 'UTC' });

/** Times in settings tables, in UTC so server and browser render the same text. */
export function formatDateTime(date: Date): string {
  return `${dateFormat.format(date)}, ${timeFormat.format(date)} UTC`;
}

/** A time on two short lines (date, then time), so table columns stay narrow on tablets. */
export function DateTimeCell({ date }: { date: Date }) {
  return (
    <time dateTime={date.toISOString()} className="block whitespace-nowrap">
      <span className="block">{dateFormat.format(date)}</span>
      <span className="block text-zinc-600 dark:text-zinc-400">{timeFormat.format(date)} UTC</span>
    </time>
  );
}
