// RequireJS configuration for the vendored widget renderer, loaded before require.js.
// The renderer finds its icon fonts next to its AMD module; without this mapping RequireJS
// would look for them under the page's own folder. Paths are computed from this script's
// address, so the same file works on every page depth, over http(s) and from file://.
// The renderer's bundled widget packages (@jupyter-widgets/controls...) also load their icon fonts
// relative to their own module address, so the whole scope maps to the same folder.
var require = {
  paths: {
    "@jupyter-widgets/html-manager/dist": new URL("../vendor/html-manager", document.currentScript.src).href,
    "@jupyter-widgets": new URL("../vendor/html-manager", document.currentScript.src).href,
  },
};
