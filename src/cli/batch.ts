import { createInterface } from 'node:readline';
import type { BatchRequest, BatchResponse } from '../batch/protocol.js';

import type { Command } from 'commander';
import type { IO } from './io.js';

/**
 * runBatch answers each JSON line of input with one JSON line (the batch protocol of
 * ../shared/oracle/README.md). A line that is not a JSON object gets an error response.
 */
export async function runBatch(io: IO): Promise<void> {
  const { handleRequest } = await import('../batch/handle.js');
  const rl = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.trim() === '') continue;
    let resp: BatchResponse;
    try {
      const req = JSON.parse(line) as unknown;
      if (typeof req !== 'object' || req === null || Array.isArray(req)) {
        resp = { id: null, outputs: {}, error: 'podtpl: a request must be a JSON object', errorKind: 'request' };
      } else {
        resp = handleRequest(req as BatchRequest);
      }
    } catch (e) {
      resp = { id: null, outputs: {}, error: `podtpl: bad request line: ${(e as Error).message}`, errorKind: 'request' };
    }
    io.stdout.write(JSON.stringify(resp) + '\n');
  }
}

/** registerBatch adds `podtpl batch` to program. */
export function registerBatch(program: Command, io: IO): void {
  program
    .command('batch')
    .description('answer JSON-lines render requests on stdin, one JSON line each on stdout (the oracle protocol)')
    .action(async () => {
      await runBatch(io);
    });
}
