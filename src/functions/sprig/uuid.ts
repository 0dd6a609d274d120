import type { GoFunc } from '../../template/value.js';

/** uuidFuncs are Sprig 3.2.3's uuid functions. */
export const uuidFuncs: GoFunc[] = [];
