// Vitest's stand-in for `server-only`. The modules of lib/ that touch the database, secrets or the session
// start with `import "server-only"`; Next.js resolves that name itself (an empty module on the server, a build
// error in the browser) and no such package is installed. Tests run on the server side outside Next.js, so
// vitest.config.ts points the name here: nothing to do.
export {};
