import type { GoFunc } from '../../template/value.js';

/** networkFuncs are Sprig 3.2.3's network functions. */
export const networkFuncs: GoFunc[] = [];
