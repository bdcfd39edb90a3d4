import { build } from 'esbuild';
const sizes = async (e) => { const r = await build({ entryPoints: [e], bundle: true, platform: 'node', format: 'esm', target: 'node24', minify: true, write: false, metafile: true, mainFields: ['module','main'], logLevel: 'silent' }); return Object.values(r.metafile.outputs)[0]; };
const a = await sizes(process.argv[2]); const b = await sizes(process.argv[3]);
console.log(a.bytes, b.bytes, (a.bytes/b.bytes).toFixed(4));
const only = Object.entries(a.inputs).filter(([f]) => !(f in b.inputs) && f.includes('node_modules')).map(([f,v])=>[v.bytesInOutput,f]).sort((x,y)=>y[0]-x[0]);
console.log(only.slice(0,30).map(x=>x.join(' ')).join('\n'));
