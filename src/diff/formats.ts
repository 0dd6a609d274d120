/** OutputFormat is a `podtpl diff -o` style. */
export type OutputFormat = 'diff' | 'simple' | 'json' | 'markdown';

/** OUTPUT_FORMATS lists the values `-o` accepts. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['diff', 'simple', 'json', 'markdown'];
