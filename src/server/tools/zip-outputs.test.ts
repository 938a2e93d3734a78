import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { zipOutputsIfMany } from "./zip-outputs";

const file = (name: string, text: string, mimeType = "text/plain") => ({ name, mimeType, data: new TextEncoder().encode(text) });

describe("zipOutputsIfMany", () => {
  it("keeps a single output as it is", () => {
    const one = file("a.txt", "hello");
    expect(zipOutputsIfMany([one], "all.zip")).toEqual([one]);
  });

  it("zips several outputs with unique names and intact bytes", () => {
    const [zip] = zipOutputsIfMany([file("a.txt", "one"), file("A.txt", "two"), file("b.pdf", "three", "application/pdf")], "all.zip");
    expect(zip?.name).toBe("all.zip");
    expect(zip?.mimeType).toBe("application/zip");
    const entries = unzipSync(zip?.data ?? new Uint8Array());
    expect(Object.keys(entries)).toEqual(["a.txt", "A (2).txt", "b.pdf"]);
    expect(new TextDecoder().decode(entries["A (2).txt"])).toBe("two");
  });

  it("keeps entries whose names are object-prototype keys", () => {
    const names = ["__proto__", "__proto__.txt", "constructor", "prototype", "hasOwnProperty.txt", "toString"];
    const [zip] = zipOutputsIfMany(names.map((name, index) => file(name, `file ${index}`)), "all.zip");
    const entries = unzipSync(zip?.data ?? new Uint8Array());
    expect(Object.keys(entries).sort()).toEqual(["constructor", "hasOwnProperty.txt", "proto", "proto.txt", "prototype", "toString"]);
    expect(new TextDecoder().decode(entries["proto"])).toBe("file 0");
    expect(new TextDecoder().decode(entries["constructor"])).toBe("file 2");
  });
});
