import type { GoFunc } from '../../template/value.js';

/** defaultsFuncs are Sprig 3.2.3's defaults functions. */
export const defaultsFuncs: GoFunc[] = [];
