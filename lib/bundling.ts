/**
 * How every Lambda is bundled, shared by the CDK functions and the benchmarks so the
 * bundles measured are the bundles deployed.
 */
export const BUNDLE_TARGET = 'node24';
export const BUNDLE_MAIN_FIELDS = ['module', 'main'];
/** ESM bundles still meet CommonJS dependencies that call require(). */
export const BUNDLE_BANNER = "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);";
