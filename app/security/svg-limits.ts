/** The largest SVG the sanitiser reads (and so the largest SVG upload): shared by the server and the upload form's hint. */
export const SVG_MAX_BYTES = 512 * 1024;
