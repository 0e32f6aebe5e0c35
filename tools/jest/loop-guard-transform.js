'use strict';
// CommonJS on purpose: jest loads this file directly, without a transform.

/**
 * A ts-jest AST transformer for kata code: every `for`, `while` and `do` loop body starts with a
 * call to loop-guard-runtime's `tick()`, which throws when the test has run out of time. Without
 * it a learner's endless loop hangs the whole run (jest cannot interrupt synchronous code).
 * Only kata code is touched (katas/, solutions/, a mutant copy): the engine in src/ and the
 * tools run at full speed.
 *
 * jest.config.ts (katas project):
 *   ['ts-jest', { tsconfig, astTransformers: { before: ['<rootDir>/tools/jest/loop-guard-transform.js'] } }]
 */
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '..', '..');
const runtimePath = path.join(__dirname, 'loop-guard-runtime.js');
const TICK = '__kataLoopTick';

/** Kata code is everything except the engine, the tools and dependencies. */
function isKataCode(fileName) {
  const file = path.resolve(fileName);
  if (file.split(path.sep).includes('node_modules')) return false;
  const relative = path.relative(repoRoot, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return true; // a copy outside the repo
  const top = relative.split(path.sep)[0];
  return top !== 'src' && top !== 'tools';
}

function requirePathFrom(fileName) {
  const relative = path
    .relative(path.dirname(path.resolve(fileName)), runtimePath)
    .split(path.sep)
    .join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

function factory(tsCompiler) {
  const ts = tsCompiler.configSet.compilerModule;
  return (context) => (sourceFile) => {
    if (!isKataCode(sourceFile.fileName)) return sourceFile;
    const f = context.factory;
    const tickCall = () =>
      f.createExpressionStatement(f.createCallExpression(f.createIdentifier(TICK), undefined, []));
    const guardBody = (body) =>
      ts.isBlock(body)
        ? f.updateBlock(body, [tickCall(), ...body.statements])
        : f.createBlock([tickCall(), body], true);

    let loops = 0;
    const visit = (node) => {
      const visited = ts.visitEachChild(node, visit, context);
      if (ts.isForStatement(visited)) {
        loops++;
        return f.updateForStatement(
          visited,
          visited.initializer,
          visited.condition,
          visited.incrementor,
          guardBody(visited.statement),
        );
      }
      if (ts.isForOfStatement(visited)) {
        loops++;
        return f.updateForOfStatement(
          visited,
          visited.awaitModifier,
          visited.initializer,
          visited.expression,
          guardBody(visited.statement),
        );
      }
      if (ts.isForInStatement(visited)) {
        loops++;
        return f.updateForInStatement(
          visited,
          visited.initializer,
          visited.expression,
          guardBody(visited.statement),
        );
      }
      if (ts.isWhileStatement(visited)) {
        loops++;
        return f.updateWhileStatement(visited, visited.expression, guardBody(visited.statement));
      }
      if (ts.isDoStatement(visited)) {
        loops++;
        return f.updateDoStatement(visited, guardBody(visited.statement), visited.expression);
      }
      return visited;
    };
    const transformed = ts.visitEachChild(sourceFile, visit, context);
    if (loops === 0) return transformed;
    // const __kataLoopTick = require('<relative path>/loop-guard-runtime.js').tick;
    const importTick = f.createVariableStatement(
      undefined,
      f.createVariableDeclarationList(
        [
          f.createVariableDeclaration(
            TICK,
            undefined,
            undefined,
            f.createPropertyAccessExpression(
              f.createCallExpression(f.createIdentifier('require'), undefined, [
                f.createStringLiteral(requirePathFrom(sourceFile.fileName)),
              ]),
              'tick',
            ),
          ),
        ],
        ts.NodeFlags.Const,
      ),
    );
    return f.updateSourceFile(transformed, [importTick, ...transformed.statements]);
  };
}

module.exports = { name: 'kata-loop-guard', version: 1, factory, isKataCode };
