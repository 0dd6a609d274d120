import type { GoFunc } from '../../template/value.js';

/** listsFuncs are Sprig 3.2.3's lists functions. */
export const listsFuncs: GoFunc[] = [];
