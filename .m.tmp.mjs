import { build } from 'esbuild';
const r = await build({ entryPoints: [process.argv[2]], bundle: true, platform: 'node', format: 'esm', target: 'node24', minify: true, write: false, metafile: true, mainFields: ['module','main'], logLevel: 'silent' });
const out = Object.values(r.metafile.outputs)[0];
let t=0; for (const [f, v] of Object.entries(out.inputs).filter(([f]) => f.startsWith('lambdas')).sort((a,b)=>b[1].bytesInOutput-a[1].bytesInOutput)) { t+=v.bytesInOutput; console.log(String(v.bytesInOutput).padStart(7), f);} console.log('ours', t);
