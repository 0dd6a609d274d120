/**
 * Go's strconv.FormatFloat with precision -1 (shortest round-trip digits) for the
 * formats 'e', 'f' and 'g', as encoding/json (floats) and go-yaml (float scalars) call it.
 * The implementation is strconv.ts's formatFloat; this is its short form for the YAML side.
 */
import { formatFloat as strconvFormatFloat } from '../template/strconv.js';

/** formatFloat is Go's strconv.FormatFloat(f, fmt, -1, bits). */
export function formatFloat(f: number, fmt: 'e' | 'f' | 'g', bits: 32 | 64 = 64): string {
  return strconvFormatFloat(f, fmt, -1, bits);
}
