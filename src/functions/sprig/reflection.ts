import type { GoFunc } from '../../template/value.js';

/** reflectionFuncs are Sprig 3.2.3's reflection functions. */
export const reflectionFuncs: GoFunc[] = [];
