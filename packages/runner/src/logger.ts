/** Plain line logs on stderr (journald adds the timestamps under systemd); `--verbose` adds debug lines. */
export interface Log {
  debug(msg: string, extra?: object): void;
  info(msg: string, extra?: object): void;
  warn(msg: string, extra?: object): void;
  error(msg: string, extra?: object): void;
}

export function createLog(verbose: boolean): Log {
  const write = (level: string) => (msg: string, extra?: object) => {
    const tail = extra ? ` ${JSON.stringify(extra)}` : '';
    process.stderr.write(`${new Date().toISOString()} ${level} ${msg}${tail}\n`);
  };
  return { debug: verbose ? write('debug') : () => undefined, info: write('info'), warn: write('warn'), error: write('error') };
}
