/** "42", a UUID, or a watch URL such as https://host/w/abc?start=3 → the id part the API takes. */
export function videoRefFrom(text: string): string {
  const trimmed = text
    .trim()
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');
  return trimmed.split('/').pop() ?? '';
}
