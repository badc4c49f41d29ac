/**
 * SHA-256 of input files, for the manifest (which inputs produced which layers).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { UserError } from '../core/user-error.ts';

/**
 * SHA-256 of a file's bytes, as lowercase hex.
 *
 * @param path - file path
 * @returns 64 hex characters
 * @throws UserError when the file does not exist
 * @example
 * await hashFile('data/incidents.csv') // 'e3b0c442…'
 */
export async function hashFile(path: string): Promise<string> {
  try {
    return hashBytes(await readFile(path));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UserError(`file not found: ${path}; check the path in the config (paths are relative to the config file)`);
    }
    throw err;
  }
}

/**
 * SHA-256 of bytes or of a string's UTF-8 encoding, as lowercase hex.
 *
 * @param bytes - data
 * @returns 64 hex characters
 * @example
 * hashBytes('') // 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
 */
export function hashBytes(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
