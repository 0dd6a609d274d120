import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * lazyRequire loads a package's CommonJS build on first use. Template functions are
 * synchronous, and a few rarely used ones (bcrypt, RE2, TOML) would otherwise add their
 * libraries' load time to every podtpl start.
 */
export function lazyRequire<T>(id: string): () => T {
  let mod: T | undefined;
  return () => (mod ??= require(id) as T);
}
