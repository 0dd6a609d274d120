// compare: how the conformance harness and test/conformance-public.test.ts judge one podtpl
// answer against an expectation in the golden format (expect / expectBase64 / expectError /
// expectHelmError, see scripts/oracle.mjs toGolden).

/** jsLeak matches text that betrays a JavaScript exception or value leaking out of podtpl. */
export const jsLeak = /\b(?:TypeError|RangeError|ReferenceError|SyntaxError|InternalError|EvalError|AggregateError)\b|is not a function|is not iterable|Cannot read propert|Cannot set propert|Maximum call stack|\bundefined\b|\[object \w+\]|\bNaN\b|\n\s+at .+:\d+:\d+|uncaught /;

function leaks(text, expectedText) {
  if (typeof text !== 'string') return false;
  const m = jsLeak.exec(text);
  return m !== null && !(typeof expectedText === 'string' && expectedText.includes(m[0]));
}

function sameKeys(a, b) {
  const ka = Object.keys(a ?? {}).sort();
  const kb = Object.keys(b ?? {}).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i]);
}

/** shapeOf masks random tokens (generated secrets): base64 strings in quotes and sha256 checksums. */
export function shapeOf(text) {
  return text.replace(/(checksum\/[\w.-]+: )[0-9a-f]{64}/g, '$1<sha256>').replace(/"[A-Za-z0-9+/]{8,}={0,2}"/g, '"<base64>"');
}

/**
 * goVersionDifference names a documented difference between the 1.19 oracle and the newer
 * Go that podtpl follows (DESIGN.md §2), or returns null:
 *   go-version/range-int   Go 1.24 ranges over an integer; Go 1.19 fails `range can't iterate over N`.
 *   go-version/else-with   Go 1.23 parses {{else with}}; Go 1.19 fails `unexpected <with> in else`.
 *   helm-pin/toml          Helm's toml 1.3.2 encodes a bare value; the oracle's 1.2.0 fails (oracle README).
 * Only the oracle's answer is checked: what podtpl does instead follows the newer Go or Helm's pin.
 */
export function goVersionDifference(want, got) {
  // Helm pins BurntSushi/toml 1.3.2, which encodes a bare value; the oracle's Debian 1.2.0 refuses it.
  const all = (want.expectError ?? '') + Object.values(want.expect ?? {}).join('');
  if (all.toLowerCase().includes('toml: top-level values must be go maps or structs')) return 'helm-pin/toml';
  const e = want.expectError;
  if (typeof e !== 'string' || got.error === e) return null;
  if (/range can't iterate over -?\d+$/.test(e)) return 'go-version/range-int';
  if (/unexpected <with> in else$/.test(e)) return 'go-version/else-with';
  return null;
}

/**
 * judge compares podtpl's answer `got` with the golden-format expectation `want`.
 * It returns {ok, category}; categories name what differs (see docs/conformance.md).
 */
export function judge(want, got) {
  // Before the timeout check: Go 1.24 really runs `range 99999999`, which takes a while.
  const newer = goVersionDifference(want, got);
  if (newer !== null) return { ok: true, category: newer };
  if (got.timeout) return { ok: false, category: 'timeout' };
  if (got.crash) return { ok: false, category: 'crash' };
  const wantText = want.expectError ?? JSON.stringify(want.expect ?? {});
  if (got.jsException || leaks(got.error, wantText) || Object.values(got.outputs ?? {}).some((o) => leaks(o, wantText))) {
    // Only a leak when it is also a mismatch: Go can print "NaN" or "undefined" legitimately.
    const plain = judgePlain(want, got);
    if (!plain.ok || got.jsException) return { ok: false, category: 'js-exception' };
    return plain;
  }
  return judgePlain(want, got);
}

function judgePlain(want, got) {
  if (want.expectError !== undefined) {
    const kind = want.expectErrorKind ?? 'error';
    if (got.error == null) return { ok: false, category: `missing-error/${kind}` };
    if (got.error !== want.expectError) return { ok: false, category: `error-text/${kind}` };
    if (want.expectHelmError !== undefined && got.helmError !== undefined && got.helmError !== want.expectHelmError) {
      return { ok: false, category: 'helm-error-text' };
    }
    return { ok: true, category: `error/${kind}` };
  }
  if (got.error != null) return { ok: false, category: `unexpected-error/${got.errorKind ?? 'error'}` };
  const wantB64 = want.expectBase64 ?? {};
  const gotB64 = got.outputsBase64 ?? {};
  if (!sameKeys(want.expect, got.outputs)) return { ok: false, category: 'output-names' };
  for (const [name, text] of Object.entries(want.expect ?? {})) {
    if (name in wantB64 || name in gotB64) {
      if (wantB64[name] !== gotB64[name]) return { ok: false, category: 'output-bytes' };
    } else if (got.outputs[name] !== text) {
      // Golden cases may name random templates (generated secrets) to compare by shape.
      const random = want.shape !== undefined && new RegExp(want.shape).test(name);
      if (!random || got.outputs[name] === undefined || shapeOf(got.outputs[name]) !== shapeOf(text)) {
        return { ok: false, category: 'output' };
      }
    }
  }
  return { ok: true, category: 'render' };
}

/** outcome names what the oracle did with a case: render, parse, exec, values, … */
export function outcome(res) {
  if (res.error == null) return 'render';
  return res.errorKind ?? 'error';
}
