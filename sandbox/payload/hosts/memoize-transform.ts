import type { Transform } from "../runtime/module-loader";

/**
 * Sucrase's transform, remembering its last results: the grader compiles checks.ts to find its
 * imports and again to run it, and a spare host compiles it ahead of the run. Same source and
 * options, same output.
 *
 * @example
 * const transform = memoizeTransform(sucrase.transform);
 */
export function memoizeTransform(transform: Transform): Transform {
  const results = new Map<string, { code: string }>();
  return (code, options) => {
    const key = JSON.stringify([options.filePath, options.transforms, options.production, options.disableESTransforms]) + code;
    const known = results.get(key);
    if (known) return known;
    const result = transform(code, options);
    if (results.size > 16) results.clear();
    results.set(key, { code: result.code });
    return result;
  };
}
