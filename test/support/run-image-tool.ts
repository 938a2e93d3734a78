import "server-only";

// Test helpers for the image tools: pictures a person can check by eye (coloured
// quadrants, a geotagged photo) and one-line ways to run a tool and read its result.
import { unzipSync } from "fflate";
import sharp from "sharp";
import { expect } from "vitest";
import { runTool } from "../../src/server/tools/run-tool";
import { inputFile, recordProgress } from "./input-file";
import { ToolInputError } from "../../src/server/tools/tool-error";
import type { ToolDefinition, ToolInputFile } from "../../src/server/tools/types";

export const png = (name: string, data: Uint8Array) => inputFile(name, "image/png", data);
export const jpeg = (name: string, data: Uint8Array) => inputFile(name, "image/jpeg", data);

/** Red top-left, green top-right, blue bottom-left, yellow bottom-right: turns and mirrors show at a glance. */
export async function makeQuadrants(width: number, height: number, format: "png" | "jpeg" = "png"): Promise<Uint8Array> {
  const w = Math.floor(width / 2);
  const h = Math.floor(height / 2);
  const tile = (background: string, tileWidth: number, tileHeight: number) =>
    sharp({ create: { width: tileWidth, height: tileHeight, channels: 3, background } }).png().toBuffer();
  const image = sharp({ create: { width, height, channels: 3, background: "#000" } }).composite([
    { input: await tile("#ff0000", w, h), left: 0, top: 0 },
    { input: await tile("#00ff00", width - w, h), left: w, top: 0 },
    { input: await tile("#0000ff", w, height - h), left: 0, top: h },
    { input: await tile("#ffff00", width - w, height - h), left: w, top: h },
  ]);
  return new Uint8Array(await image.toFormat(format).toBuffer());
}

/** A phone photo's worth of private data: GPS position, owner, camera, plus an XMP packet and a P3 colour profile. */
export async function makeGeotaggedJpeg(width: number, height: number, orientation = 1): Promise<Uint8Array> {
  const image = sharp({ create: { width, height, channels: 3, background: "#3a7", noise: { type: "gaussian", mean: 128, sigma: 30 } } })
    .withIccProfile("p3")
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Artist: "Alice Example", Make: "PhoneCo", Model: "Phone 9" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "48/1 51/1 2964/100", GPSLongitudeRef: "E", GPSLongitude: "2/1 17/1 4010/100", GPSMapDatum: "WGS-84" },
    })
    .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="Alice XMP"/></rdf:RDF></x:xmpmeta>')
    .withMetadata({ orientation });
  return new Uint8Array(await image.toBuffer());
}

/** The RGB colour at (x, y), as a person would name it from a colour picker. */
export async function colourAt(data: Uint8Array, x: number, y: number): Promise<[number, number, number]> {
  const { data: pixel } = await sharp(data).extract({ left: x, top: y, width: 1, height: 1 }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return [pixel[0] ?? -1, pixel[1] ?? -1, pixel[2] ?? -1];
}

export async function runImageTool(tool: ToolDefinition, inputs: ToolInputFile[], options: Record<string, unknown> = {}) {
  const recorder = recordProgress();
  const outputs = await runTool(tool, { inputs, options, progress: recorder.progress, signal: new AbortController().signal });
  return { outputs, steps: recorder.updates.map((update) => update.step), updates: recorder.updates };
}

/** The one output of a one-image run, with what an image viewer would show about it. */
export async function runOne(tool: ToolDefinition, input: ToolInputFile, options: Record<string, unknown> = {}) {
  const { outputs, steps } = await runImageTool(tool, [input], options);
  expect(outputs).toHaveLength(1);
  const [output] = outputs;
  if (!output) throw new Error("no output");
  return { ...output, metadata: await sharp(output.data).metadata(), lastStep: steps.at(-1) };
}

export async function runError(tool: ToolDefinition, inputs: ToolInputFile[], options: Record<string, unknown> = {}) {
  const error = await runImageTool(tool, inputs, options).then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ToolInputError);
  return error instanceof ToolInputError ? error : new ToolInputError("unreachable");
}

/** The zip's entries by name: what a person sees after unpacking the download. */
export function unzipOutput(output: { name: string; data: Uint8Array } | undefined): Record<string, Uint8Array> {
  if (!output) throw new Error("no output");
  return unzipSync(output.data);
}
