// The tsconfig paths as webpack-style aliases, for dependency-cruiser only
// (.dependency-cruiser.cjs). Its tsconfig support treats every bare import as
// also relative to the project root, so the `inngest` package would resolve to
// the top-level inngest/ folder and show cycles that are not there.
module.exports = {
  resolve: {
    alias: { "@": `${__dirname}/src`, "~": __dirname },
  },
};
