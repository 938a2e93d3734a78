// heic-decode ships no types; this is the part FileForge calls.
declare module "heic-decode" {
  type Decoded = { width: number; height: number; data: Uint8ClampedArray };
  function decode(input: { buffer: Uint8Array }): Promise<Decoded>;
  export default decode;
}
