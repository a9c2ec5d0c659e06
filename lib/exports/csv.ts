/**
 * CSV per RFC 4180 (comma-separated, CRLF line ends, a field quoted when it holds a quote,
 * comma or line break, quotes doubled), made safe to open in a spreadsheet: a cell that starts
 * like a formula gets a leading single quote, so `=HYPERLINK(…)` in a name stays text.
 * Pure, so the browser can count records of a download in progress with the same rules.
 */

// OWASP's list: = + - @ start a formula; a leading tab or carriage return can hide one.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const inert = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
}

export function csvRecord(values: readonly (string | null | undefined)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

const QUOTE = 0x22;
const LINE_FEED = 0x0a;

/**
 * Counts the records of a CSV arriving in chunks: line feeds outside quoted fields. Works on
 * the UTF-8 bytes directly, since neither byte ever occurs inside a multi-byte character.
 */
export function createCsvRecordCounter() {
  let inQuotes = false;
  let records = 0;
  return {
    push(chunk: Uint8Array): number {
      for (const byte of chunk) {
        // A doubled quote inside a field flips twice: the state is unchanged, as it should be.
        if (byte === QUOTE) inQuotes = !inQuotes;
        else if (byte === LINE_FEED && !inQuotes) records++;
      }
      return records;
    },
  };
}
