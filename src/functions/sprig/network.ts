/**
 * Sprig 3.2.3's network function getHostByName (Sprig: network.go).
 *
 * podtpl never touches the network. Helm replaces Sprig's DNS lookup with a function that
 * returns "" unless `--enable-dns` is given (Helm: pkg/engine/funcs.go); podtpl returns "" in
 * every mode. Deliberate difference in sprig mode: Sprig itself resolves the name and panics
 * (`invalid argument to Intn`) when it does not resolve.
 */
import { def } from '../def.js';
import type { GoFunc } from '../../template/value.js';

/** networkFuncs are Sprig 3.2.3's network functions (offline). */
export const networkFuncs: GoFunc[] = [def('getHostByName', ['string'], 'string', () => '')];
