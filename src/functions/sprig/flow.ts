import type { GoFunc } from '../../template/value.js';

/** flowFuncs are Sprig 3.2.3's flow functions. */
export const flowFuncs: GoFunc[] = [];
