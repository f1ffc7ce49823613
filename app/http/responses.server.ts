/** Expected failures are thrown as responses; the shared error boundary renders them. */
export const notFound = () => new Response(null, { status: 404 });
export const forbidden = () => new Response(null, { status: 403 });
export const badRequest = () => new Response(null, { status: 400 });
