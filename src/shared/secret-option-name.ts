/**
 * Which tool options are secrets (PDF passwords today): the form masks them,
 * and the server never stores, returns, exports or logs them in the clear.
 * One rule by name, so a new tool's `password` option is covered without a flag.
 */
export function isSecretOptionName(name: string): boolean {
  return /password|secret/i.test(name);
}
