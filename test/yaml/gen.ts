/** A small seeded generator of values trees for the toYaml property test. */

/** rng is mulberry32: a deterministic PRNG from a seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = [
  'true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', 'Y', 'N', 'True', 'NO', 'Off', 'null', 'Null', '~', '',
  '0', '1', '-1', '0777', '0x1F', '1_000', '1e3', '1.0', '.5', '.inf', '-.Inf', '.nan', '0b101', '+1', '08',
  '2001-12-14', '2001-12-14T21:59:43.10Z', '12:30', '1:20:30', '190:20:30.15', 'a:b', 'a: b', 'a #b', 'a#b',
  '#x', '- x', '-x', '--- x', '...', '---', '? x', '?x', ':x', 'x:', '[a]', '{a}', 'a,b', '&a', '*a', '!a',
  '|', '>', "'q'", '"dq"', '%x', '@x', '`x`', ' lead', 'trail ', ' both ', 'tab\there', 'nl\nnl', 'nl\n',
  '\nlead', 'two\n\n', 'x\n \ny', 'sp \nx', 'é', 'ü ö', '日本語', '😀', 'a\u0085b', 'a\u2028b', '\ufeffbom',
  'ctrl\u0001', 'del\u007f', 'nbsp\u00a0x', 'back\\slash', 'quote"s', "apos's", 'a  b', 'key', 'name', 'image',
  'repository', 'tag', 'latest', 'https://example.com/a?b=c&d=e', 'C:\\path', '<html>', 'a&b',
  'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore',
  'averyveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryverylongword and more',
];
const keyWords = [
  'a', 'b', 'A', 'B', 'a1', 'a2', 'a10', 'a01', 'a001', 'b2', '1', '2', '10', '01', '1a', 'x_y', 'x-y', 'x.y',
  '_a', 'Z', 'z', 'é', 'ä1', 'yes', 'no', 'on', 'null', '~', 'true', '1.5', '-1', '', ' sp', 'k:v', 'k #c',
  'a\nb', '<<', 'image', 'imagePullPolicy', 'env', 'env2', 'env10', '日本', 'x'.repeat(130), 'x'.repeat(60),
];
const numbers = [0, 1, -1, 1.5, -0.25, 1e6, 1e21, 1e20, 123456789, 123456789.5, 1e-6, 1e-7, 0.1, 3.14159,
  2 ** 53, 2 ** 63, 2 ** 64, 1.7976931348623157e308, 5e-324, 100, 65535, 12345678901234567890, -1e-10];

/** genValue makes a random JSON-compatible tree (objects as plain objects for the oracle). */
export function genValue(r: () => number, depth = 0): unknown {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const x = r();
  if (depth < 4 && x < 0.25) {
    const o: Record<string, unknown> = {};
    const n = Math.floor(r() * 5);
    for (let i = 0; i < n; i++) o[r() < 0.8 ? pick(keyWords) : genString(r)] = genValue(r, depth + 1);
    return o;
  }
  if (depth < 4 && x < 0.4) {
    const n = Math.floor(r() * 4);
    return Array.from({ length: n }, () => genValue(r, depth + 1));
  }
  if (x < 0.5) return pick(numbers) * (r() < 0.2 ? -1 : 1);
  if (x < 0.55) return r() < 0.5;
  if (x < 0.58) return null;
  return genString(r);
}

/** genString joins a few tricky pieces. */
export function genString(r: () => number): string {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const n = r() < 0.6 ? 1 : 1 + Math.floor(r() * 4);
  const seps = ['', ' ', '\n', '  ', ': ', ' #', '\t'];
  let s = pick(words);
  for (let i = 1; i < n; i++) s += pick(seps) + pick(words);
  return s;
}
