// vega-lite publishes its types only through package.json "exports", which this repository's
// `moduleResolution: node` does not read; this points the bare name at the same declarations.
declare module 'vega-lite' {
  export * from 'vega-lite/build/index';
}
