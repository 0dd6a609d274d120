import type { GoFunc } from '../../template/value.js';

/** cryptoFuncs are Sprig 3.2.3's crypto functions. */
export const cryptoFuncs: GoFunc[] = [];
