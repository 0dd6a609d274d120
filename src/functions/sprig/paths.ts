import type { GoFunc } from '../../template/value.js';

/** pathsFuncs are Sprig 3.2.3's paths functions. */
export const pathsFuncs: GoFunc[] = [];
