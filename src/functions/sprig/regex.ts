import type { GoFunc } from '../../template/value.js';

/** regexFuncs are Sprig 3.2.3's regex functions. */
export const regexFuncs: GoFunc[] = [];
