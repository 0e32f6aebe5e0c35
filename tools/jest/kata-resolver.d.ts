declare function resolveKataImport(
  request: string,
  options: {
    basedir: string;
    defaultResolver: (request: string, options: { basedir: string }) => string;
  },
): string;
export = resolveKataImport;
