// Remix options, read by vite.config.ts.
/** @type {import("@remix-run/dev").VitePluginConfig} */
const remixConfig = {
  ignoredRouteFiles: ["**/*.test.ts", "**/*.test.tsx", "**/.*"],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_singleFetch: true,
    // Off: with under 30 routes the whole manifest is one small cached file, while lazy discovery
    // matched every route again on each page render (about 8% of a lesson page's CPU time).
    // The route caches patched into @remix-run/router, @remix-run/react and react-router-dom
    // (decision 009) rely on this: they assume a route tree never changes once made, which lazy
    // discovery breaks by adding routes as they are found. Do not turn it on without removing them.
    v3_lazyRouteDiscovery: false,
  },
};

export default remixConfig;
