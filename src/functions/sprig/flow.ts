/**
 * Sprig 3.2.3's flow and OS functions (Sprig: functions.go): fail, env, expandenv.
 * podtpl never exposes the process environment: `env` returns "" and `expandenv` expands every
 * variable to "" (a deliberate difference from Sprig, which reads os.Getenv). Helm removes
 * both functions; they exist only in sprig mode.
 */
import { GoFuncError, type GoFunc } from '../../template/value.js';
import { def } from '../def.js';

function isShellSpecialVar(c: string): boolean {
  return '*#$@!?-0123456789'.includes(c);
}

function isAlphaNum(c: string): boolean {
  return c === '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/** getShellName is os.getShellName: the variable name after a '$' and the bytes it spans. */
function getShellName(s: string): [string, number] {
  if (s[0] === '{') {
    if (s.length > 2 && isShellSpecialVar(s[1]!) && s[2] === '}') return [s.slice(1, 2), 3];
    for (let i = 1; i < s.length; i++) {
      if (s[i] === '}') {
        if (i === 1) return ['', 2];
        return [s.slice(1, i), i + 1];
      }
    }
    return ['', 1];
  }
  if (isShellSpecialVar(s[0]!)) return [s.slice(0, 1), 1];
  let i = 0;
  while (i < s.length && isAlphaNum(s[i]!)) i++;
  return [s.slice(0, i), i];
}

/** expand is os.Expand(s, mapping). */
export function expand(s: string, mapping: (name: string) => string): string {
  let buf: string | undefined;
  let i = 0;
  for (let j = 0; j < s.length; j++) {
    if (s[j] === '$' && j + 1 < s.length) {
      buf ??= '';
      buf += s.slice(i, j);
      const [name, w] = getShellName(s.slice(j + 1));
      if (name === '' && w > 0) {
        // Go: invalid syntax; the characters are eaten.
      } else if (name === '') {
        buf += s[j];
      } else {
        buf += mapping(name);
      }
      j += w;
      i = j + 1;
    }
  }
  if (buf === undefined) return s;
  return buf + s.slice(i);
}

/** flowFuncs are Sprig 3.2.3's flow functions (plus env/expandenv, sprig mode only). */
export const flowFuncs: GoFunc[] = [
  def('fail', ['string'], 'string', ([msg]) => {
    throw new GoFuncError(msg as string);
  }, { err: true }),
  // podtpl: never read the process environment (values are untrusted).
  def('env', ['string'], 'string', () => ''),
  def('expandenv', ['string'], 'string', ([s]) => expand(s as string, () => '')),
];
