import type { GoFunc } from '../../template/value.js';

/** dictsFuncs are Sprig 3.2.3's dicts functions. */
export const dictsFuncs: GoFunc[] = [];
