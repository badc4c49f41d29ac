// Vite config of the atlas app (src/app). The app reads its data from ./layers/ next to index.html:
// in dev a tiny plugin serves the layers directory there, on build it is copied into dist/layers/.
// The layers directory is <repo>/layers (written by `wijkatlas build`) unless WIJKATLAS_LAYERS names another.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { createStaticHandler } from './scripts/static-server.mjs';

const repoRoot = path.dirname(fileURLToPath(import.meta.url));

/** The layers directory: env WIJKATLAS_LAYERS (relative to the current directory) or <repo>/layers. */
export function layersDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.WIJKATLAS_LAYERS ? path.resolve(env.WIJKATLAS_LAYERS) : path.join(repoRoot, 'layers');
}

/** Serves `dir` at /layers/ in the dev server and copies it into <outDir>/layers/ on build. */
export function atlasLayers(dir: string): Plugin {
  const serve = createStaticHandler({ root: dir, fallback: null });
  let isBuild = false;
  return {
    name: 'wijkatlas-layers',
    configResolved(config) {
      isBuild = config.command === 'build';
    },
    configureServer(server) {
      // a missing layer is a 404 here, not Vite's index.html fallback
      server.middlewares.use('/layers', (req, res) => void serve(req, res));
    },
    buildStart() {
      if (!isBuild) return;
      if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
        this.error(
          `No atlas layers in ${dir} (manifest.json missing). Build them first with \`node bin/wijkatlas.mjs build\`, ` +
            'or point WIJKATLAS_LAYERS at a layers directory (e.g. test/fixtures/app-layers).',
        );
      }
    },
    writeBundle(options) {
      if (!isBuild || !options.dir) return;
      fs.cpSync(dir, path.join(options.dir, 'layers'), {
        recursive: true,
        filter: (src) => !path.basename(src).startsWith('.'),
      });
    },
  };
}

export default defineConfig(({ command }) => ({
  root: path.join(repoRoot, 'src/app'),
  base: './',
  publicDir: false,
  plugins: [atlasLayers(layersDir())],
  build: {
    outDir: path.join(repoRoot, 'dist'),
    emptyOutDir: true,
    // deck.gl and luma.gl make one large chunk; that is expected for a map app
    chunkSizeWarningLimit: 2500,
  },
  server: { host: '127.0.0.1' },
  preview: { port: 4173 },
  clearScreen: command !== 'serve' ? false : undefined,
}));
