import type { GoFunc } from '../../template/value.js';

/** datesFuncs are Sprig 3.2.3's dates functions. */
export const datesFuncs: GoFunc[] = [];
