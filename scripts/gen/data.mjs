// Random data trees (the dot in go/sprig mode, .Values in helm mode) and a small YAML
// writer that deliberately leaves YAML-1.1-special scalars unquoted now and then, so the
// values loader sees `yes`, `0777`, `1_000`, `~` the way a user would write them.

/** IDENT_KEYS are keys reachable with field syntax (`.name`). */
export const IDENT_KEYS = [
  'name', 'port', 'url', 'items', 'env', 'enabled', 'count', 'tags', 'labels', 'image', 'a', 'b',
  'A', 'B', 'x', 'y', 'z', 'data', 'spec', 'list', 'nested', 'value', 'fooBar', 'a_1', '_z',
  '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'length', 'héllo', 'ключ', 'Ω',
];
/** ODD_KEYS need `index` (or are YAML-special when written unquoted). */
export const ODD_KEYS = ['a-b', 'a.b', 'with space', '1', '0', '', ' ', 'true', 'yes', 'n', 'on', '%p', '日本', '😀', '-'];

/** STRINGS is the pool of string scalars: unicode, YAML-special words, format-looking text. */
export const STRINGS = [
  '', ' ', 'nginx', 'hello world', 'Hello, 世界', 'héllo', 'naïve café', 'straße', 'yes', 'no', 'on', 'off',
  'true', 'false', 'True', 'FALSE', 'null', '~', 'Null', 'y', 'n', 'Y', '0777', '0x1F', '1e3', '1_000', '1.5',
  '-0', '.inf', '.NaN', '3', '007', '42', '1.2.3', 'v1.2.3-beta.1', 'a: b', '- x', '#c', 'key: value',
  '{a: 1}', '[1, 2]', '"quoted"', "'single'", "it's", 'line1\nline2', 'line1\nline2\n', 'tab\there',
  'trailing ', ' leading', 'a\\b', '<script>', '&amp;', 'x=1&y=2', 'a/b?c=d e', 'UPPER', 'MixedCase',
  'snake_case', 'kebab-case', 'foo.bar', 'a,b,c', 'foo bar baz', '😀', 'e\u0301', '\u00a0x', '%d', '%v', '100%',
  '{{ .x }}', 'a\u0000b', 'kube-system', 'example.com', 'app/v2', 'ab', 'abc', 'xyz', 'aGVsbG8=', '{"a":1}',
  '[1,2]', '2024-03-05', '1h30m', '*', '\\d+', 'ALPHA beta', 'release-name',
];

/** randomFloat returns a float64 of a random magnitude (ints, fractions, huge, tiny). */
export function randomFloat(r) {
  return r.weighted([
    [6, () => r.pick([0, 1, -1, 2, 3, 5, 7, 10, 42, 80, 100, 255, 443, 1000, 8080, 65535, -42])],
    [3, () => r.pick([0.5, 1.5, -2.5, 0.1, 0.25, 3.14159, 2.0000001, 0.30000000000000004, 1e-5, 1e-7, 123.456])],
    [3, () => r.pick([1e6, 1000000, 123456789, 1e20, 1e21, 1e300, 2 ** 53, 2 ** 53 + 2, 2 ** 63, 1.7976931348623157e308, 5e-324, -1e21, 1234567.0, 99999999])],
    [2, () => {
      const m = (r.next() * 2 - 1) * 10;
      const e = r.range(-12, 25);
      const x = m * 10 ** e;
      return r.chance(0.5) ? Math.round(x) : Number(x.toPrecision(r.range(1, 17)));
    }],
  ]);
}

/** randomScalar returns a JSON scalar. */
export function randomScalar(r) {
  return r.weighted([
    [5, () => r.pick(STRINGS)],
    [4, () => randomFloat(r)],
    [2, () => r.chance(0.5)],
    [1, null],
  ]);
}

/** randomKey returns a map key, mostly identifier-like. */
export function randomKey(r) {
  return r.chance(0.85) ? r.pick(IDENT_KEYS) : r.pick(ODD_KEYS);
}

/** randomTree returns a JSON value at most depth levels deep. */
export function randomTree(r, depth = 3) {
  if (depth <= 0) return randomScalar(r);
  return r.weighted([
    [4, () => randomScalar(r)],
    [4, () => randomMap(r, depth - 1)],
    [2, () => {
      const n = r.range(0, 4);
      const kind = r.int(3);
      const out = [];
      for (let i = 0; i < n; i++) out.push(kind === 0 ? randomMap(r, depth - 1, 3) : kind === 1 ? randomScalar(r) : randomTree(r, depth - 1));
      return out;
    }],
  ]);
}

/** randomMap returns an object (serialised as JSON, so `__proto__` is an own key via JSON). */
export function randomMap(r, depth, max = 5) {
  const m = Object.create(null);
  const n = r.range(0, max);
  for (let i = 0; i < n; i++) m[randomKey(r)] = randomTree(r, depth);
  return m;
}

/** randomRootData returns the top-level map of a case (never a scalar: templates walk it). */
export function randomRootData(r) {
  const m = randomMap(r, 2, 6);
  // Make a few well-known keys likely so field chains hit data.
  for (const k of ['name', 'items', 'port', 'labels', 'enabled']) {
    if (r.chance(0.35)) m[k] = k === 'items' ? randomTree(r, 2) : k === 'labels' ? randomMap(r, 1, 3) : randomScalar(r);
  }
  return m;
}

// ---- YAML writer -------------------------------------------------------------------------

const plainSafe = /^[A-Za-z_][A-Za-z0-9_ .\/-]*$/;

function yamlScalar(r, v) {
  if (v === null) return r.pick(['null', '~', '']);
  if (typeof v === 'boolean') return r.chance(0.8) ? String(v) : r.pick(v ? ['yes', 'on', 'True', 'Y'] : ['no', 'off', 'False', 'N']);
  if (typeof v === 'number') {
    if (Number.isInteger(v) && Math.abs(v) < 1e15 && r.chance(0.1)) return r.pick([String(v), '0o' + Math.abs(v).toString(8), '0' + Math.abs(v).toString(8), v.toLocaleString('en-US').replace(/,/g, '_')]);
    return String(v).replace('e+', r.chance(0.5) ? 'e+' : 'e');
  }
  // Strings: mostly quoted correctly, sometimes plain (so `yes` becomes a bool, `0777` an int).
  if (v.includes('\n') && r.chance(0.5) && !/^\s|\s$|\u0000/.test(v) && !/[^\x20-\x7e\n]/.test(v)) return null; // block literal, handled by caller
  if (plainSafe.test(v) && !/ $/.test(v) && r.chance(0.7)) return v;
  if (r.chance(0.3) && !/['\n\u0000\\]/.test(v) && /^[\x20-\x7e]*$/.test(v)) return `'${v}'`;
  return JSON.stringify(v);
}

function yamlKey(r, k) {
  if (k === '') return '""';
  if (plainSafe.test(k) && r.chance(0.8)) return k;
  return JSON.stringify(k);
}

/** toYamlText writes v as block-style YAML (a map at the root). */
export function toYamlText(r, v, indent = '') {
  const lines = [];
  const emit = (val, ind, prefix) => {
    if (val !== null && typeof val === 'object') {
      const entries = Array.isArray(val) ? val.map((x) => [null, x]) : Object.entries(val);
      if (entries.length === 0) {
        lines.push(prefix + (Array.isArray(val) ? ' []' : ' {}'));
        return;
      }
      lines.push(prefix);
      for (const [k, x] of entries) {
        const head = k === null ? `${ind}-` : `${ind}${yamlKey(r, k)}:`;
        emit(x, ind + '  ', head);
      }
      return;
    }
    const s = yamlScalar(r, val);
    if (s === null) {
      lines.push(`${prefix} |${val.endsWith('\n') ? '' : '-'}`);
      for (const l of val.replace(/\n$/, '').split('\n')) lines.push(l ? ind + l : '');
      return;
    }
    lines.push(s === '' ? prefix : `${prefix} ${s}`);
  };
  for (const [k, x] of Object.entries(v)) emit(x, indent + '  ', `${indent}${yamlKey(r, k)}:`);
  return lines.map((l) => l).join('\n') + '\n';
}
