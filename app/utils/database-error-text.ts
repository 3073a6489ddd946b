/**
 * PostgreSQL quotes the row or value that failed ("Failing row contains (…, Jane Smith, …)",
 * "Key (email)=(jane@…) already exists", 'invalid input syntax for type uuid: "…"'); a scrubber cannot
 * know a name, so the values go and only the column names stay.
 */
export function withoutValues(text: string): string {
  return text
    .replace(/Failing row contains \([\s\S]*\)\.?/g, 'Failing row contains [values not logged].')
    .replace(/Key \(([^)]*)\)=\([\s\S]*?\)(?= already exists| is not present| conflicts|\.|$)/g, 'Key ($1)=([not logged])')
    .replace(/(invalid input (?:syntax|value) for [^:\n]+): "[^\n]*"/g, '$1: [value not logged]');
}
