/** Plain line logs on stderr (journald adds the timestamps under systemd); `--verbose` adds debug lines. */
export interface Log {
  debug(msg: string, extra?: object): void;
  info(msg: string, extra?: object): void;
  warn(msg: string, extra?: object): void;
  error(msg: string, extra?: object): void;
}

/** Status lines drawn under the log on a terminal (progress-display.ts). */
export interface StatusArea {
  clear(): void;
  draw(): void;
}

export function createLog(verbose: boolean, status?: StatusArea): Log {
  const write = (level: string) => (msg: string, extra?: object) => {
    const tail = extra ? ` ${JSON.stringify(extra)}` : '';
    status?.clear();
    process.stderr.write(`${new Date().toISOString()} ${level} ${msg}${tail}\n`);
    status?.draw();
  };
  return { debug: verbose ? write('debug') : () => undefined, info: write('info'), warn: write('warn'), error: write('error') };
}
