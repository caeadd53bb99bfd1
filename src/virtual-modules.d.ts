// Modules the build makes (vite.config.ts plugins).

declare module "virtual:funnel-lens/sample-answers" {
  const answers: { base: string; identity: string; entries: [string, unknown][] };
  export default answers;
}
