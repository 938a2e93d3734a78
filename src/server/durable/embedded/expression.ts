import "server-only";

// A deliberately small subset of Inngest's expressions (CEL), enough for the
// usual trigger `if` and cancelOn conditions:
//   event.data.plan == "pro"
//   async.data.jobId == event.data.jobId && event.data.kind != 'preview'
// Anything else is refused when the engine starts, with a message naming the
// expression, rather than silently matching everything or nothing.

export type Variables = Record<string, unknown>;
export type Condition = (variables: Variables) => boolean;

type Operand = (variables: Variables) => unknown;

const PATH = /^([A-Za-z_]\w*)((?:\.[A-Za-z_]\w*)*)$/;

function readPath(root: unknown, keys: string[]): unknown {
  let value = root;
  for (const key of keys) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function compileOperand(source: string, expression: string): Operand {
  const text = source.trim();
  if (/^"[^"\\]*"$/.test(text) || /^'[^'\\]*'$/.test(text)) {
    const literal = text.slice(1, -1);
    return () => literal;
  }
  if (/^-?\d+(\.\d+)?$/.test(text)) {
    const literal = Number(text);
    return () => literal;
  }
  if (text === "true" || text === "false" || text === "null") {
    const literal: unknown = JSON.parse(text);
    return () => literal;
  }
  const path = PATH.exec(text);
  if (path?.[1]) {
    const [root, keys] = [path[1], (path[2] ?? "").split(".").filter(Boolean)];
    return (variables) => readPath(variables[root], keys);
  }
  throw new Error(`The embedded job engine cannot evaluate "${text}" in the expression "${expression}".`);
}

/** Compiles `a == b && c != d`; throws on anything outside that subset. */
export function compileCondition(expression: string): Condition {
  const clauses = expression.split("&&").map((clause) => {
    const match = /^(.+?)\s*(==|!=)\s*(.+)$/.exec(clause.trim());
    if (!match?.[1] || !match[3]) {
      throw new Error(
        `The embedded job engine supports only "a == b" / "a != b" joined by && in expressions; got "${expression}".`,
      );
    }
    const [left, right] = [compileOperand(match[1], expression), compileOperand(match[3], expression)];
    const equal = match[2] === "==";
    return (variables: Variables) => {
      const [a, b] = [left(variables), right(variables)];
      // Like CEL, a missing field never equals anything.
      if (a === undefined || b === undefined) return false;
      return (a === b) === equal;
    };
  });
  return (variables) => clauses.every((clause) => clause(variables));
}

/** The deprecated `match: "data.id"` form of cancelOn, as Inngest rewrites it. */
export function matchToExpression(field: string): string {
  return `event.${field} == async.${field}`;
}

/**
 * Compiles a value expression such as a concurrency `key`
 * (`event.data.ownerKey`): a path or a literal; throws on anything else.
 */
export function compileValue(expression: string): (variables: Variables) => unknown {
  return compileOperand(expression, expression);
}
