/** Host (with port) of a URL in lower case, or null when it is not a URL. */
export function urlHost(url: string): string | null {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
}

/** True when both URLs are on the same host and port: the origin rule of spec §3.4. */
export function isSameOrigin(a: string, b: string): boolean {
  const ha = urlHost(a);
  return ha !== null && ha === urlHost(b);
}
