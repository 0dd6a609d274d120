import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // Helm's include limit (1000 nested calls) needs a deeper stack than Node's default, as the CLI has.
    execArgv: ['--stack-size=4000'],
  },
});
