// A guest talking to the app over HTTP, as the browser does: the cookie the
// first upload sets, multipart uploads and tRPC calls with superjson bodies.

type JobState = { id: string; status: string; progress: number; step: string | null; error: string | null; outputs?: { id: string }[] };

export class GuestClient {
  private cookie = "";

  /** `extraHeaders` go with every request (e.g. the X-Forwarded-For a proxy would add). */
  constructor(
    private readonly baseURL: string,
    private readonly extraHeaders: Record<string, string> = {},
  ) {}

  async upload(name: string, bytes: Uint8Array, mimeType: string): Promise<string> {
    const form = new FormData();
    form.append("file", new Blob([bytes.slice().buffer], { type: mimeType }), name);
    const response = await fetch(`${this.baseURL}/api/files`, { method: "POST", body: form, headers: this.headers() });
    this.keepCookies(response);
    if (response.status !== 201) throw new Error(`upload failed: ${response.status} ${await response.text()}`);
    const [file] = (await response.json()) as { id: string }[];
    if (!file) throw new Error("upload returned no file");
    return file.id;
  }

  async createJob(tool: string, fileIds: string[], options: Record<string, unknown>): Promise<JobState> {
    return this.trpc("POST", "job.create", { tool, fileIds, options });
  }

  async getJob(id: string): Promise<JobState> {
    return this.trpc("GET", "job.get", { id });
  }

  /** Starts preparing a document for AI features, then waits until it is ready. */
  async prepareDocument(fileId: string, timeoutMs: number): Promise<void> {
    await this.trpc("POST", "document.ingest", { fileId });
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { status, error } = await this.trpc<{ status: string; error: string | null }>("GET", "document.status", { fileId });
      if (status === "ready") return;
      if (status === "failed") throw new Error(`preparing the document failed: ${error ?? ""}`);
      if (Date.now() > deadline) throw new Error(`the document was not ready within ${timeoutMs} ms (${status})`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** The bytes of one of this guest's files, as the download link serves them. */
  async download(fileId: string): Promise<Uint8Array> {
    const response = await fetch(`${this.baseURL}/api/files/${fileId}/download`, { headers: this.headers() });
    if (!response.ok) throw new Error(`download failed: ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }

  /** A POST with this guest's cookie (and any extra headers), for routes outside tRPC. */
  async post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${this.baseURL}${path}`, { method: "POST", headers: { ...this.headers(), "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  }

  private async trpc<T>(method: "GET" | "POST", procedure: string, input: unknown): Promise<T> {
    const body = JSON.stringify({ json: input });
    const url = method === "GET" ? `${this.baseURL}/api/trpc/${procedure}?input=${encodeURIComponent(body)}` : `${this.baseURL}/api/trpc/${procedure}`;
    const response = await fetch(url, {
      method,
      headers: { ...this.headers(), ...(method === "POST" ? { "content-type": "application/json" } : {}) },
      body: method === "POST" ? body : undefined,
    });
    this.keepCookies(response);
    const payload = (await response.json()) as { result?: { data: { json: T } }; error?: { json: { message: string } } };
    if (!payload.result) throw new Error(`${procedure} failed: ${payload.error?.json.message ?? response.status}`);
    return payload.result.data.json;
  }

  private headers(): Record<string, string> {
    return this.cookie ? { ...this.extraHeaders, cookie: this.cookie } : { ...this.extraHeaders };
  }

  private keepCookies(response: Response): void {
    const jar = new Map(this.cookie.split("; ").filter(Boolean).map((pair) => [pair.split("=")[0], pair]));
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(";")[0] ?? "";
      jar.set(pair.split("=")[0], pair);
    }
    this.cookie = [...jar.values()].join("; ");
  }
}
