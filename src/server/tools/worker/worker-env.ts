import "server-only";

// What a tool worker may see of the web process's environment. Workers parse
// untrusted files with WASM and native code: if one is ever made to run an
// attacker's code, it should find no session secret, database URL or storage
// token to take. They get the system basics, the tool and logging settings,
// and the AI provider's settings (AI tools call the model from the worker).
const EXACT = new Set([
  "PATH", "HOME", "USER", "LOGNAME", "SHELL", "TMPDIR", "TMP", "TEMP", "TZ", "LANG", "LANGUAGE",
  "NODE_ENV", "NODE_EXTRA_CA_CERTS", "SSL_CERT_FILE", "SSL_CERT_DIR",
  "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy",
  "LOG_LEVEL", "DATA_DIR", "SKIP_ENV_VALIDATION",
  "OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_MODEL", "OPENAI_EMBEDDING_MODEL",
]);
const PREFIXES = ["LC_", "TOOL_"];

type Environment = Record<string, string | undefined>;

/** The allow-listed part of `source`, for a worker's `spawn` env. */
// eslint-disable-next-line no-restricted-properties -- passing the environment on is the point here; nothing is read from it
export function workerEnv(source: Environment = process.env): Environment {
  const picked: Environment = {};
  for (const [name, value] of Object.entries(source)) {
    if (value !== undefined && (EXACT.has(name) || PREFIXES.some((prefix) => name.startsWith(prefix)))) picked[name] = value;
  }
  return picked;
}
