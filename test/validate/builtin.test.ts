// The built-in default (chart-templates + values) renders a worker pod that validates without error.
import { describe, expect, it } from 'vitest';
import { renderWorkerPod } from '../../src/pod/render.js';
import { KUBE_VERSIONS, validatePod } from '../../src/validate/index.js';

describe('built-in default worker pod', () => {
  it('has no error in any supported version, strict', () => {
    const { podYaml } = renderWorkerPod();
    for (const kubeVersion of KUBE_VERSIONS) {
      const errors = validatePod(podYaml, { kubeVersion, strict: true, file: 'builtin' }).filter((f) => f.severity === 'error');
      expect(errors).toEqual([]);
    }
  });
});
