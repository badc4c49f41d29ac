import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export const MIME_TYPES: Record<string, string>;
export function contentType(fileName: string): string;
export function createStaticHandler(options: {
  root: string;
  fallback?: string | null;
}): (req: IncomingMessage, res: ServerResponse, next?: () => void) => Promise<void>;
export function createServer(options: { root: string; fallback?: string | null; log?: (line: string) => void }): Server;
