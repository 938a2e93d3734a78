// A "use client" module must not import server code: the browser bundle would
// carry it (and its secrets), or the build fails on `server-only` far from the
// cause. Flat config selects files by path, not by directive, so this rule
// looks at the directive itself. Type-only imports are erased at compile time
// and stay allowed (`import type { AppRouter }` is how clients type tRPC).
import path from "node:path";

const SERVER_DIR = path.join("src", "server");

/**
 * True when the import specifier names a module under src/server.
 * @param {string} specifier @param {string} filename @param {string} cwd
 */
function pointsIntoServer(specifier, filename, cwd) {
  if (/^(@|~\/src)\/server(\/|$)/.test(specifier)) return true;
  if (!specifier.startsWith(".")) return false;
  const target = path.relative(cwd, path.resolve(path.dirname(filename), specifier));
  return target === SERVER_DIR || target.startsWith(SERVER_DIR + path.sep);
}

/** @param {import("estree").Program} program */
function isUseClient(program) {
  for (const statement of program.body) {
    if (statement.type !== "ExpressionStatement" || !("directive" in statement)) return false;
    if (statement.directive === "use client") return true;
  }
  return false;
}

// typescript-eslint's parser adds these to the ESTree nodes.
/** @typedef {{ importKind?: "type" | "value", exportKind?: "type" | "value" }} TypeScriptKinds */

/**
 * `import type { A }`, or `import { type A, type B }`: nothing survives compilation.
 * @param {(import("estree").ImportDeclaration | import("estree").ExportNamedDeclaration) & TypeScriptKinds} node
 */
function isTypeOnly(node) {
  if (node.importKind === "type" || node.exportKind === "type") return true;
  /** @type {(TypeScriptKinds & object)[]} */
  const specifiers = node.specifiers;
  return specifiers.length > 0 && specifiers.every((s) => s.importKind === "type" || s.exportKind === "type");
}

/** @type {import("eslint").Rule.RuleModule} */
const rule = {
  meta: {
    type: "problem",
    docs: { description: 'Forbid runtime imports of src/server from "use client" modules.' },
    messages: {
      serverInClient:
        'A "use client" module cannot import "{{specifier}}" (src/server). Move what the browser needs to src/shared/, or use `import type`.',
    },
    schema: [],
  },
  create(context) {
    if (!isUseClient(context.sourceCode.ast)) return {};
    /** @param {import("estree").Expression | import("estree").Literal | null | undefined} source */
    const check = (source) => {
      if (!source || source.type !== "Literal" || typeof source.value !== "string") return;
      if (!pointsIntoServer(source.value, context.filename, context.cwd)) return;
      context.report({ node: source, messageId: "serverInClient", data: { specifier: source.value } });
    };
    return {
      ImportDeclaration(node) {
        if (!isTypeOnly(node)) check(node.source);
      },
      ExportNamedDeclaration(node) {
        if (node.source && !isTypeOnly(node)) check(node.source);
      },
      ExportAllDeclaration(node) {
        if (/** @type {TypeScriptKinds} */ (node).exportKind !== "type") check(node.source);
      },
      ImportExpression(node) {
        check(node.source);
      },
    };
  },
};

export default rule;
