import type { GoFunc } from '../../template/value.js';

/** encodingFuncs are Sprig 3.2.3's encoding functions. */
export const encodingFuncs: GoFunc[] = [];
