import { describe, expect, it } from "vitest";
import { EngineFaultError, engineFaultFailure, findEngineFault, isEngineFault } from "./engine-fault";
import { isToolInputError, ToolInputError } from "./tool-error";

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

describe("findEngineFault and engineFaultFailure", () => {
  it("finds a trap that tool code wrapped in a ToolInputError", () => {
    const trap = new WebAssembly.RuntimeError("memory access out of bounds");
    const wrapped = new ToolInputError("scan.pdf is damaged and could not be read.", { cause: trap });
    expect(findEngineFault(wrapped)).toBe(trap);
    expect(findEngineFault(new ToolInputError("scan.pdf is password-protected."))).toBeUndefined();
  });

  it("fails with a ToolInputError naming the fault's file, else the only input, and the engine", () => {
    const pdfTool = { category: "pdf" as const };
    const own = engineFaultFailure(new EngineFaultError("PDF", { fileName: "b.pdf" }), pdfTool, [{ name: "a.pdf" }, { name: "b.pdf" }]);
    expect(own).toMatchObject({ message: "b.pdf could not be processed by the PDF engine.", fileName: "b.pdf" });
    expect(isToolInputError(own)).toBe(true);
    const raw = engineFaultFailure(new WebAssembly.RuntimeError("unreachable"), { category: "image" }, [{ name: "photo.heic" }]);
    expect(raw.message).toBe("photo.heic could not be processed by the image engine.");
    expect(engineFaultFailure(new WebAssembly.RuntimeError("x"), pdfTool, [{ name: "a.pdf" }, { name: "b.pdf" }]).message).toBe("The file could not be processed by the PDF engine.");
  });
});
