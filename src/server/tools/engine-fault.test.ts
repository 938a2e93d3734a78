import { describe, expect, it } from "vitest";
import { EngineFaultError, isEngineFault } from "./engine-fault";
import { ToolInputError } from "./tool-error";

describe("isEngineFault", () => {
  it("recognises WASM traps, Emscripten aborts and our own fault error", () => {
    expect(isEngineFault(new WebAssembly.RuntimeError("memory access out of bounds"))).toBe(true);
    expect(isEngineFault(new Error("RuntimeError: memory access out of bounds"))).toBe(true);
    expect(isEngineFault(new Error("Aborted(Assertion failed)"))).toBe(true);
    expect(isEngineFault(new EngineFaultError("PDF", { fileName: "report.pdf" }))).toBe(true);
  });

  it("leaves clean tool errors and ordinary failures alone", () => {
    expect(isEngineFault(new ToolInputError("a.pdf is password-protected."))).toBe(false);
    expect(isEngineFault(new Error("cannot find object in xref"))).toBe(false);
    expect(isEngineFault(new Error("connect ECONNREFUSED: host unreachable"))).toBe(false);
  });

  it("names the file and the engine, never calling the file damaged", () => {
    const error = new EngineFaultError("PDF", { fileName: "report.pdf" });
    expect(error.message).toBe("report.pdf could not be processed by the PDF engine.");
    expect(error.message).not.toMatch(/damaged/);
  });
});
