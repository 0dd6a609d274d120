import type { GoFunc } from '../../template/value.js';

/** mathFuncs are Sprig 3.2.3's math functions. */
export const mathFuncs: GoFunc[] = [];
