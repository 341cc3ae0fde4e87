// The demo signs anyone in as any employee without a password and uses published secrets: it must
// never be what a production deployment runs. `NODE_ENV=production` stops it at start.

/** Exits with status 1 and one line saying why when NODE_ENV is production. */
export function refuseProduction(what: string, env: Record<string, string | undefined> = process.env): void {
  if (env['NODE_ENV']?.trim() !== 'production') return;
  console.error(`${what}: refuses to start with NODE_ENV=production: the demo portal signs anyone in as any employee without a password and uses published secrets. Run your own portal with the token service (docs/token-service.md, "Running it on its own").`);
  process.exit(1);
}
