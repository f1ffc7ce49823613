declare module "virtual:bench-floor-body" {
  const html: string;
  export default html;
}
