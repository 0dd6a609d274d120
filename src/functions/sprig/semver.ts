import type { GoFunc } from '../../template/value.js';

/** semverFuncs are Sprig 3.2.3's semver functions. */
export const semverFuncs: GoFunc[] = [];
