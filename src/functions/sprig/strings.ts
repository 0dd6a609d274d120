import type { GoFunc } from '../../template/value.js';

/** stringsFuncs are Sprig 3.2.3's strings functions. */
export const stringsFuncs: GoFunc[] = [];
