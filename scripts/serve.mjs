#!/usr/bin/env node
// Serves the built atlas app (dist/) for `npm start`: http://127.0.0.1:4173 unless PORT / HOST say otherwise.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from './static-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const host = process.env.HOST || '127.0.0.1';
const port = process.env.PORT === undefined ? 4173 : Number(process.env.PORT);

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`serve: expected PORT to be a port number (0-65535), found "${process.env.PORT}".`);
  process.exit(1);
}
if (!fs.existsSync(path.join(root, 'index.html'))) {
  console.error(`serve: no built app in ${root}. Run \`npm start\` (or \`npx vite build\`) first.`);
  process.exit(1);
}

const server = createServer({ root, log: process.env.WIJKATLAS_LOG_REQUESTS ? (line) => console.log(line) : undefined });
server.on('error', (err) => {
  console.error(err.code === 'EADDRINUSE' ? `serve: port ${port} on ${host} is in use; set PORT to another port.` : `serve: ${err.message}`);
  process.exit(1);
});
server.listen(port, host, () => {
  const { port: actual } = server.address();
  const shown = host.includes(':') ? `[${host}]` : host;
  console.log(`Wijkatlas: http://${shown}:${actual}/  (serving ${path.relative(process.cwd(), root) || '.'}; Ctrl+C to stop)`);
});

let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the server.`);
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
