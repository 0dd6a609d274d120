import type { GoFunc } from '../../template/value.js';

/** conversionFuncs are Sprig 3.2.3's conversion functions. */
export const conversionFuncs: GoFunc[] = [];
