/**
 * The `wijkatlas` command: dispatches to one thin CLI per sub-command. User errors print one line
 * and exit with 1; anything else is a bug: it prints its stack and exits with 2.
 */
import { isUserError } from '../src/core/user-error.ts';

interface Command {
  summary: string;
  run: (argv: string[]) => Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  blocks: { summary: 'derive street blocks from streets, railways, waterways and a study area', run: async (a) => (await import('./blocks.ts')).blocksCommand(a) },
  build: { summary: 'build an atlas (default: the Arsenaal demo) into layers/', run: async (a) => (await import('./build.ts')).buildCommand(a) },
  convert: { summary: 'convert any readable vector file to GeoJSON in a chosen CRS', run: async (a) => (await import('./convert.ts')).convertCommand(a) },
  export: { summary: 'export a print-ready map page (PDF, SVG or PNG) or an atlas of pages', run: async (a) => (await import('./export.ts')).exportCommand(a) },
  fetch: { summary: 'download a study area from OpenStreetMap (Overpass), Statbel sectors or the GRB WFS', run: async (a) => (await import('./fetch.ts')).fetchCommand(a) },
  'generate-demo': { summary: 'regenerate the synthetic demo inputs in data/arsenaal-demo/', run: async (a) => (await import('./generate-demo.ts')).generateDemo(a) },
  inspect: { summary: 'show what a data file holds: format, CRS, records, geometry, fields, problems', run: async (a) => (await import('./inspect.ts')).inspectCommand(a) },
  orienteering: { summary: 'solve a (team) orienteering benchmark instance (Chao TOP or Tsiligirides format)', run: async (a) => (await import('./orienteering.ts')).orienteeringCommand(a) },
  patrol: { summary: 'plan walking patrol routes for teams to incident hot spots (GeoJSON, GPX, A4 route sheets)', run: async (a) => (await import('./patrol.ts')).patrolCommand(a) },
  density: { summary: 'kernel density of incidents (time-filtered), per-block mean density, weekday × hour table', run: async (a) => (await import('./density.ts')).densityCommand(a) },
  stats: { summary: "spatial statistics of a field: Moran's I, Geary's C, Gi* hot spots, LISA, FDR", run: async (a) => (await import('./stats.ts')).statsCommand(a) },
};

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  return [
    'Usage: wijkatlas <command> [options]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'wijkatlas <command> --help' for a command's options.",
  ].join('\n');
}

/** Node's parseArgs errors are user errors: an unknown or malformed flag. */
function isArgError(err: unknown): err is Error & { code: string } {
  return err instanceof Error && typeof (err as { code?: unknown }).code === 'string' && (err as unknown as { code: string }).code.startsWith('ERR_PARSE_ARGS');
}

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 1;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    console.error(`wijkatlas: unknown command "${name}"; expected one of: ${Object.keys(COMMANDS).join(', ')}. Run 'wijkatlas --help'.`);
    return 1;
  }
  try {
    return await cmd.run(rest);
  } catch (err) {
    if (isUserError(err)) {
      const hint = (err as { hint?: string }).hint;
      console.error(`wijkatlas ${name}: error: ${err.message.replace(/\s*\n\s*/g, ' ')}${hint ? ` (${hint})` : ''}`);
      return 1;
    }
    if (isArgError(err)) {
      console.error(`wijkatlas ${name}: error: ${err.message.replace(/\s*\n\s*/g, ' ')} (run 'wijkatlas ${name} --help')`);
      return 1;
    }
    console.error(`wijkatlas ${name}: internal error (a bug — please report it with this trace):`);
    console.error(err instanceof Error ? err.stack : err);
    return 2;
  }
}
